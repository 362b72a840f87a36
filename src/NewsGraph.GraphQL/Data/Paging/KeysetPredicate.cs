using System.Linq.Expressions;
using System.Reflection;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>
/// "Rows strictly after the cursor in this ordering" as an index-friendly predicate. For keys (k1 DESC, id DESC)
/// and cursor (v1, i): <c>k1 &lt;= v1 AND (k1 &lt; v1 OR (k1 = v1 AND id &lt; i))</c>. The leading range lets the
/// database seek on k1's index; the lexicographic OR then settles ties. NULL keys follow the database's NULL
/// order (<see cref="PagingOptions.NullsSortFirstAscending"/>). "Before" is "after" in the reversed ordering.
/// </summary>
internal static class KeysetPredicate
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static Expression<Func<T, bool>> After<T>(IReadOnlyList<SortKey<T>> order, IReadOnlyList<object?> cursor, bool nullsSortFirstAscending)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var members = order.Select(key => ParameterReplacer.Inline(key.Selector, parameter)).ToArray();

        // Built from the last key outwards: after_i OR (eq_i AND rest).
        Expression? rest = null;
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var (after, equal) = Compare(members[i], SortKeyNullability.CanBeNull(order[i]), cursor[i], order[i].Direction, nullsSortFirstAscending);
            var tie = rest is null ? null : AndAlso(equal, rest);
            rest = OrElse(after, tie) ?? Expression.Constant(false);
        }

        var body = rest!;
        var range = LeadingRange(members[0], SortKeyNullability.CanBeNull(order[0]), cursor[0], order[0].Direction, nullsSortFirstAscending);
        if (range is not null)
        {
            body = Expression.AndAlso(range, body);
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    /// <summary>(strictly after, equal) for one key; <c>null</c> stands for constant false.</summary>
    private static (Expression? After, Expression Equal) Compare(Expression member, bool nullable, object? value, SortDirection direction, bool nullsSortFirstAscending)
    {
        var nullsComeFirst = (direction == SortDirection.Ascending) == nullsSortFirstAscending;
        var isNull = nullable ? Expression.Equal(member, Expression.Constant(null, member.Type)) : null;

        if (value is null)
        {
            // Cursor row has NULL: only non-NULL rows can follow, and only when NULLs come first.
            Expression? afterNull = nullable && nullsComeFirst ? Expression.Not(isNull!) : null;
            return (afterNull, isNull ?? (Expression)Expression.Constant(false));
        }

        var parameter = QueryParameter.Create(value, member.Type);
        Expression strict = direction == SortDirection.Ascending
            ? Binary(ExpressionType.GreaterThan, member, parameter)
            : Binary(ExpressionType.LessThan, member, parameter);
        if (nullable && !nullsComeFirst)
        {
            strict = Expression.OrElse(strict, isNull!);
        }

        return (strict, Binary(ExpressionType.Equal, member, parameter));
    }

    /// <summary><c>k1 &gt;= v1</c> (ASC) or <c>k1 &lt;= v1</c> (DESC), plus <c>OR k1 IS NULL</c> when NULLs follow.</summary>
    private static BinaryExpression? LeadingRange(Expression member, bool nullable, object? value, SortDirection direction, bool nullsSortFirstAscending)
    {
        if (value is null)
        {
            return null;
        }

        var parameter = QueryParameter.Create(value, member.Type);
        var range = Binary(direction == SortDirection.Ascending ? ExpressionType.GreaterThanOrEqual : ExpressionType.LessThanOrEqual, member, parameter);
        var nullsComeFirst = (direction == SortDirection.Ascending) == nullsSortFirstAscending;
        return nullable && !nullsComeFirst
            ? Expression.OrElse(range, Expression.Equal(member, Expression.Constant(null, member.Type)))
            : range;
    }

    private static BinaryExpression Binary(ExpressionType type, Expression left, Expression right)
    {
        var valueType = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (left.Type == typeof(string) && type != ExpressionType.Equal)
        {
            // string has no < operator in expression trees; EF Core translates string.Compare(a, b) > 0 to a > b.
            return Expression.MakeBinary(type, Expression.Call(StringCompare, left, right), Expression.Constant(0));
        }

        if (valueType.IsEnum || valueType == typeof(bool))
        {
            var target = valueType == typeof(bool) ? typeof(int) : Enum.GetUnderlyingType(valueType);
            var converted = left.Type == valueType ? target : typeof(Nullable<>).MakeGenericType(target);
            left = valueType == typeof(bool) ? BoolToInt(left, converted) : Expression.Convert(left, converted);
            right = valueType == typeof(bool) ? BoolToInt(right, converted) : Expression.Convert(right, converted);
        }

        return Expression.MakeBinary(type, left, right);
    }

    private static ConditionalExpression BoolToInt(Expression value, Type target) =>
        Expression.Condition(
            Expression.Equal(value, Expression.Constant(true, value.Type)),
            Expression.Constant(1, target),
            Expression.Constant(0, target));

    private static BinaryExpression AndAlso(Expression left, Expression right) => Expression.AndAlso(left, right);

    private static Expression? OrElse(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.OrElse(left, right);
}
