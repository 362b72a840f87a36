using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.Server.Schema;

/// <summary>The NewsGraph schema: the root types composed from the feature folders.</summary>
public sealed class NewsSchema : global::GraphQL.Types.Schema
{
    public NewsSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<Query>();
        Mutation = services.GetRequiredService<Mutation>();
        Subscription = services.GetRequiredService<Subscription>();
    }
}
