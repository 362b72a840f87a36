using GraphQL.Types;
using NewsGraph.GraphQL.Composition;

namespace NewsGraph.Server.Schema;

/// <summary>The subscription root: the fields each feature registered (<see cref="ISubscriptionFields"/>, in registration order).</summary>
public sealed class Subscription : ObjectGraphType
{
    public Subscription(IEnumerable<ISubscriptionFields> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = "Subscription";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
