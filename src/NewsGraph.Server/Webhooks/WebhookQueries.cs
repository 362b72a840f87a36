using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Webhooks;
using NewsGraph.Server.Auth;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Webhooks;

internal sealed class WebhookQueries(ConnectionTypeRegistry connections) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddConnectionField<WebhookType>(
            connections,
            "webhooks",
            async ctx =>
            {
                await using var db = await ctx.CreateNewsDbContextAsync();
                return await ctx.ToConnectionAsync(db.Set<WebhookEndpoint>(), [WebhookOrder.ById], WebhookOrder.ById);
            },
            description: "The registered webhooks, oldest first (admins only).")
            .AuthorizeWithRoles(NewsRoles.Admin);
    }
}
