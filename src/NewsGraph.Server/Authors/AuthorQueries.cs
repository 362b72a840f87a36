using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Authors;

internal static class AuthorQueries
{
    public static void AddTo(ObjectGraphType query, ConnectionTypeRegistry connections)
    {
        query.Field<AuthorType, Author>("author")
            .Description("Fetches an author by its ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(ctx => ctx.Loader<AuthorByIdDataLoader>()
                .LoadAsync(NodeId.DecodeInt(ctx.GetArgument<string>("id"), AuthorType.TypeName)));

        query.Field<AuthorType, Author>("authorBySlug")
            .Description("Fetches an author by its slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(ctx => ctx.Loader<AuthorBySlugDataLoader>().LoadAsync(ctx.GetArgument<string>("slug")));

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
