using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>
/// Builds the expression of one operation input object (<c>{ eq: 1, gt: 0 }</c>) over a member. Values are
/// captured as query parameters; comparisons are lifted to the nullable type so <c>eq: null</c> means IS NULL.
/// </summary>
internal static class OperationExpressions
{
    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    public static Expression? Build(
        Expression member,
        IDictionary<string, object?>? operations,
        Func<object?, Type, object?>? convert = null,
        Func<Expression, IDictionary<string, object?>, Expression?>? nested = null)
    {
        if (operations is null)
        {
            return null;
        }

        convert ??= ConvertValue;
        var valueType = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        var liftedType = valueType.IsValueType ? typeof(Nullable<>).MakeGenericType(valueType) : valueType;
        var lifted = member.Type == liftedType ? member : Expression.Convert(member, liftedType);

        Expression? result = null;
        foreach (var (operation, value) in operations)
        {
            var part = operation switch
            {
                "and" when nested is not null => PredicateCombiner.All(FilterValues.AsList(value)
                    .Select(item => Build(member, FilterValues.AsObject(item), convert, nested))),
                "or" when nested is not null => PredicateCombiner.Any(FilterValues.AsList(value)
                    .Select(item => Build(member, FilterValues.AsObject(item), convert, nested)).ToList()),
                "eq" => Expression.Equal(lifted, Parameter(convert(value, valueType), liftedType)),
                "neq" => Expression.NotEqual(lifted, Parameter(convert(value, valueType), liftedType)),
                "in" => In(lifted, liftedType, value, valueType, convert),
                "nin" => Expression.Not(In(lifted, liftedType, value, valueType, convert)),
                "gt" => Expression.GreaterThan(lifted, Required(operation, value, valueType, liftedType, convert)),
                "ngt" => Expression.Not(Expression.GreaterThan(lifted, Required(operation, value, valueType, liftedType, convert))),
                "gte" => Expression.GreaterThanOrEqual(lifted, Required(operation, value, valueType, liftedType, convert)),
                "ngte" => Expression.Not(Expression.GreaterThanOrEqual(lifted, Required(operation, value, valueType, liftedType, convert))),
                "lt" => Expression.LessThan(lifted, Required(operation, value, valueType, liftedType, convert)),
                "nlt" => Expression.Not(Expression.LessThan(lifted, Required(operation, value, valueType, liftedType, convert))),
                "lte" => Expression.LessThanOrEqual(lifted, Required(operation, value, valueType, liftedType, convert)),
                "nlte" => Expression.Not(Expression.LessThanOrEqual(lifted, Required(operation, value, valueType, liftedType, convert))),
                _ => nested?.Invoke(member, new Dictionary<string, object?> { [operation] = value })
                    ?? throw new ExecutionError($"Unknown filter operation `{operation}`.") { Code = FilterErrorCodes.InvalidValue },
            };
            result = PredicateCombiner.And(result, part);
        }

        return result;
    }

    /// <summary>Converts a parsed GraphQL value to the member's CLR type.</summary>
    public static object? ConvertValue(object? value, Type valueType)
    {
        if (value is null || valueType.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            if (valueType.IsEnum)
            {
                return value is string name ? Enum.Parse(valueType, name, ignoreCase: true) : Enum.ToObject(valueType, value);
            }

            return Convert.ChangeType(value, valueType, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new ExecutionError($"The filter value `{value}` is not a valid {valueType.Name}.") { Code = FilterErrorCodes.InvalidValue };
        }
    }

    private static Expression Parameter(object? value, Type liftedType) =>
        value is null ? Expression.Constant(null, liftedType) : QueryParameter.Create(value, liftedType);

    private static Expression Required(string operation, object? value, Type valueType, Type liftedType, Func<object?, Type, object?> convert) =>
        value is null ? throw FilterValues.NullNotAllowed(operation) : Parameter(convert(value, valueType), liftedType);

    private static MethodCallExpression In(Expression lifted, Type liftedType, object? values, Type valueType, Func<object?, Type, object?> convert)
    {
        var listType = typeof(List<>).MakeGenericType(liftedType);
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in FilterValues.AsList(values))
        {
            list.Add(convert(item, valueType));
        }

        return Expression.Call(ContainsMethod.MakeGenericMethod(liftedType), QueryParameter.Create(list, listType), lifted);
    }
}
