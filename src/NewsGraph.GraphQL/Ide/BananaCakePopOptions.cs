using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Ide;

/// <summary>Options of the Banana Cake Pop IDE hosting (<see cref="BananaCakePopMiddleware"/>).</summary>
public sealed class BananaCakePopOptions
{
    /// <summary>Serve the IDE to browsers. Off: browser requests reach the GraphQL endpoint like any other.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The GraphQL endpoint the IDE opens on. Null: the path the IDE is served at, which is where
    /// Hot Chocolate puts both (<c>/graphql</c>).
    /// </summary>
    public PathString? GraphQLEndpoint { get; set; }
}
