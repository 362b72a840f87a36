using System.Linq.Expressions;
using System.Reflection;

namespace NewsGraph.GraphQL.Data.Sorting;

/// <summary>
/// Whether a sort key can hold NULL. Keyset predicates need NULL branches only for keys that can, and those
/// branches (<c>OR x IS NULL</c>) stop the database from seeking on the key's index — so a non-nullable
/// <c>string Title</c> must not be treated like a nullable column just because strings are reference types.
/// </summary>
internal static class SortKeyNullability
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static bool CanBeNull<T>(SortKey<T> key)
    {
        if (key.IsNeverNull)
        {
            return false;
        }

        // Walk the member chain (x.Author.Name): any nullable link, or anything that is not a plain member, can be NULL.
        var expression = key.Selector.Body;
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        if (expression is not MemberExpression)
        {
            return true;
        }

        while (expression is MemberExpression member)
        {
            if (IsNullable(member.Member))
            {
                return true;
            }

            expression = member.Expression;
            while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } inner)
            {
                expression = inner.Operand;
            }
        }

        return expression is not ParameterExpression;
    }

    private static bool IsNullable(MemberInfo member)
    {
        var type = member switch
        {
            PropertyInfo property => property.PropertyType,
            FieldInfo field => field.FieldType,
            _ => null,
        };
        if (type is null || Nullable.GetUnderlyingType(type) is not null)
        {
            return true;
        }

        if (type.IsValueType)
        {
            return false;
        }

        var state = member switch
        {
            PropertyInfo property => Nullability.Create(property).ReadState,
            FieldInfo field => Nullability.Create(field).ReadState,
            _ => NullabilityState.Unknown,
        };
        return state != NullabilityState.NotNull;
    }
}
