using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Ide;

/// <summary>Adds the Banana Cake Pop IDE to the request pipeline.</summary>
public static class BananaCakePopApplicationBuilderExtensions
{
    /// <summary>
    /// Serves the IDE to browsers at <paramref name="path"/> (normally the GraphQL endpoint's path). A middleware
    /// rather than an endpoint because it shares the endpoint's exact path and must only take the requests of
    /// browsers, which endpoint routing cannot tell apart; place it before the endpoints run.
    /// Needs <see cref="BananaCakePopServiceCollectionExtensions.AddBananaCakePop"/>.
    /// </summary>
    public static IApplicationBuilder UseBananaCakePop(this IApplicationBuilder app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return app.UseMiddleware<BananaCakePopMiddleware>(new PathString(path));
    }
}
