using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>Lets a filter build its predicate over any expression of its entity type (a parameter or a navigation).</summary>
internal interface IFilterBodyBuilder
{
    Expression? BuildBody(Expression instance, object? value);
}
