using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Introspection;

namespace NewsGraph.Server.Schema;

/// <summary>The NewsGraph schema: the root types composed from the feature folders.</summary>
/// <remarks>Its introspection is complete as Hot Chocolate's (see <see cref="CompleteIntrospectionSchema"/>).</remarks>
public sealed class NewsSchema : CompleteIntrospectionSchema
{
    public NewsSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<Query>();
        Mutation = services.GetRequiredService<Mutation>();
        Subscription = services.GetRequiredService<Subscription>();
    }
}
