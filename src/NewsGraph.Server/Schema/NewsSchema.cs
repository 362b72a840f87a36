using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.Server.Schema;

/// <summary>The NewsGraph schema: the root types composed from the feature folders.</summary>
public sealed class NewsSchema : global::GraphQL.Types.Schema
{
    public NewsSchema(IServiceProvider services)
        : base(services)
    {
        // Introspection that schema tools ask for (Hot Chocolate serves it): __Directive.isRepeatable, and
        // includeDeprecated on fields' args and on inputFields with __InputValue.isDeprecated/deprecationReason. Both are
        // in the draft after the October 2021 spec; GraphQL.NET has them behind these switches. (It has no
        // includeDeprecated on a directive's args, which graphql-js's inputValueDeprecation option also asks for.)
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Query = services.GetRequiredService<Query>();
        Mutation = services.GetRequiredService<Mutation>();
        Subscription = services.GetRequiredService<Subscription>();
    }
}
