using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Tags;

internal sealed class TagQueries(ConnectionTypeRegistry connections) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddLookupFields<TagType, Tag, TagByIdDataLoader, TagBySlugDataLoader>("tag", TagType.TypeName, "a tag");

        query.AddConnectionField<TagType>(
            connections,
            "tags",
            async ctx =>
            {
                await using var db = await ctx.CreateNewsDbContextAsync();
                return await ctx.ToConnectionAsync(db.Tags, TagOrder.ByName, TagOrder.ById);
            },
            typeof(TagFilterInputType),
            typeof(TagSortInputType),
            "Tags by name unless `order` says otherwise.");
    }
}
