using System.Linq.Expressions;
using System.Reflection;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>
/// String operations: <c>eq/neq/in/nin</c> exact; <c>contains/startsWith/endsWith</c> (and negations) compare
/// <see cref="CaseFolding.Fold"/> of both sides. They translate to <c>instr</c>/parameterised LIKE with escaped
/// values, so <c>%</c> and <c>_</c> match literally.
/// </summary>
internal static class StringOperationExpressions
{
    private static readonly MethodInfo FoldMethod = typeof(CaseFolding).GetMethod(nameof(CaseFolding.Fold))!;
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWithMethod = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    public static Expression? Build(Expression member, IDictionary<string, object?>? operations) =>
        OperationExpressions.Build(member, operations, nested: BuildMatch);

    private static Expression? BuildMatch(Expression member, IDictionary<string, object?> operation)
    {
        var (name, value) = operation.Single();
        var method = name switch
        {
            "contains" or "ncontains" => ContainsMethod,
            "startsWith" or "nstartsWith" => StartsWithMethod,
            "endsWith" or "nendsWith" => EndsWithMethod,
            _ => null,
        };
        if (method is null)
        {
            return null;
        }

        if (value is null)
        {
            throw FilterValues.NullNotAllowed(name);
        }

        var folded = CaseFolding.Fold((string)OperationExpressions.ConvertValue(value, typeof(string))!);
        Expression match = Expression.Call(Expression.Call(FoldMethod, member), method, QueryParameter.Create(folded));
        return name[0] == 'n' ? Expression.Not(match) : match;
    }
}
