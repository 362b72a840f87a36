using GraphQL.Types;
using NewsGraph.GraphQL.Composition;

namespace NewsGraph.Server.Schema;

/// <summary>The mutation root: the fields each feature registered (<see cref="IMutationFields"/>, in registration order).</summary>
public sealed class Mutation : ObjectGraphType
{
    public Mutation(IEnumerable<IMutationFields> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = "Mutation";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
