using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.Server.Schema;

/// <summary>
/// The query root: Relay's <c>node</c>/<c>nodes</c>, then the fields each feature registered
/// (<see cref="IQueryFields"/>, in registration order).
/// </summary>
public sealed class Query : ObjectGraphType
{
    public Query(IEnumerable<IQueryFields> features, GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(limits);
        Name = "Query";
        this.AddNodeFields(limits.MaxNodesBatchSize);
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
