using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data;

/// <summary>
/// Captures a value the way a C# closure does (a member of a constant object), so EF Core sends it as a
/// SQL parameter instead of inlining a literal: plans stay cacheable and values are never spliced into SQL.
/// </summary>
internal static class QueryParameter
{
    public static Expression Create(object? value, Type type)
    {
        var holderType = typeof(ValueHolder<>).MakeGenericType(type);
        var holder = Activator.CreateInstance(holderType, value)!;
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<object>.Value));
    }

    public static Expression Create<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new ValueHolder<TValue>(value)), nameof(ValueHolder<TValue>.Value));

    private sealed class ValueHolder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
