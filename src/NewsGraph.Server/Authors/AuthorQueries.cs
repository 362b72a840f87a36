using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Authors;

internal sealed class AuthorQueries(ConnectionTypeRegistry connections) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddLookupFields<AuthorType, Author, AuthorByIdDataLoader, AuthorBySlugDataLoader>("author", AuthorType.TypeName, "an author");

        query.AddConnectionField<AuthorType>(
            connections,
            "authors",
            async ctx =>
            {
                await using var db = await ctx.CreateNewsDbContextAsync();
                return await ctx.ToConnectionAsync(db.Authors, AuthorOrder.ByName, AuthorOrder.ById);
            },
            typeof(AuthorFilterInputType),
            typeof(AuthorSortInputType),
            "Authors by name unless `order` says otherwise.");
    }
}
