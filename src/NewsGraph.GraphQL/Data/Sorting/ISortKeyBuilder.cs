using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data.Sorting;

/// <summary>Lets a nested sort input build keys whose selectors start at the root entity.</summary>
internal interface ISortKeyBuilder<T>
{
    IEnumerable<SortKey<T>> BuildKeys(object? value, string prefix, Func<LambdaExpression, LambdaExpression> compose);
}
