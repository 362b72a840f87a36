using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Data.Projection;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Server.Schema;

/// <summary>
/// The `x(id: ID!)` and `xBySlug(slug: String!)` root fields every entity has, resolved through batching
/// loaders so that several look-ups in one request cost one query; projected types read only what is selected.
/// </summary>
internal static class LookupFields
{
    /// <param name="name">The field name, e.g. <c>author</c>; the slug field is <c>authorBySlug</c>.</param>
    /// <param name="typeName">The node type whose IDs the field accepts.</param>
    /// <param name="noun">How the descriptions call one entity, e.g. <c>an author</c>.</param>
    public static void AddLookupFields<TGraphType, TEntity, TByIdLoader, TBySlugLoader>(
        this ObjectGraphType query, string name, string typeName, string noun)
        where TGraphType : IGraphType
        where TByIdLoader : EntityByKeyDataLoader<int, TEntity>
        where TBySlugLoader : EntityByKeyDataLoader<string, TEntity>
    {
        query.Field<TGraphType, TEntity>(name)
            .Description($"Fetches {noun} by its ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(ctx => ctx.Loader<TByIdLoader>().LoadAsync(NodeId.DecodeInt(ctx.GetArgument<string>("id"), typeName), SelectionProjection.ForSelection<TEntity>(ctx)));

        query.Field<TGraphType, TEntity>(name + "BySlug")
            .Description($"Fetches {noun} by its slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(ctx => ctx.Loader<TBySlugLoader>().LoadAsync(ctx.GetArgument<string>("slug"), SelectionProjection.ForSelection<TEntity>(ctx)));
    }
}
