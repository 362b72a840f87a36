using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Tags;

internal static class TagQueries
{
    public static void AddTo(ObjectGraphType query, ConnectionTypeRegistry connections)
    {
        query.Field<TagType, Tag>("tag")
            .Description("Fetches a tag by its ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(ctx => ctx.Loader<TagByIdDataLoader>()
                .LoadAsync(NodeId.DecodeInt(ctx.GetArgument<string>("id"), TagType.TypeName)));

        query.Field<TagType, Tag>("tagBySlug")
            .Description("Fetches a tag by its slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(ctx => ctx.Loader<TagBySlugDataLoader>().LoadAsync(ctx.GetArgument<string>("slug")));

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
