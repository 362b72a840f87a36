using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.Server.Schema;

/// <summary>The NewsGraph schema: the root types composed from the feature folders.</summary>
public sealed class NewsSchema : global::GraphQL.Types.Schema
{
    public NewsSchema(IServiceProvider services)
        : base(services)
    {
        // __Directive.isRepeatable, which schema tools ask for (graphql-js getIntrospectionQuery's directiveIsRepeatable;
        // Hot Chocolate serves it); GraphQL.NET has it behind this switch. Its input value deprecation switch stays off:
        // it adds __InputValue.isDeprecated but not includeDeprecated on a directive's args, and Banana Cake Pop, seeing
        // the first, asks for the second, so its introspection failed and the IDE never loaded (the browser test).
        Features.RepeatableDirectives = true;
        Query = services.GetRequiredService<Query>();
        Mutation = services.GetRequiredService<Mutation>();
        Subscription = services.GetRequiredService<Subscription>();
    }
}
