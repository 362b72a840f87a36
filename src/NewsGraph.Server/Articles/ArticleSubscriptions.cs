using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Articles;

/// <summary>The article fields of the subscription root. Each event is the article, loaded once per instance.</summary>
internal sealed class ArticleSubscriptions : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);

        subscription.Field<NonNullGraphType<ArticleType>, Article>("onArticlePublished")
            .Description("A published article; optionally only one category (with its subcategories) or one author.")
            .Argument<StringGraphType>("categorySlug", "Only articles in this category or one of its subcategories.")
            .Argument<StringGraphType>("authorSlug", "Only articles by this author.")
            .ResolveStreamAsync(async ctx =>
            {
                var categorySlug = ctx.GetArgument<string?>("categorySlug");
                var authorSlug = ctx.GetArgument<string?>("authorSlug");
                // Each event is matched in memory against the category tree as it is when the event arrives, so a
                // subcategory created (or a category that did not exist yet) after subscribing is included.
                var categories = ctx.RequestServices!.GetRequiredService<CategoryHierarchy>();
                if (categorySlug is not null)
                {
                    await categories.EnsureLoadedAsync(ctx.CancellationToken);
                }

                var stream = await Feed(ctx).SubscribePublishedAsync(ctx.CancellationToken);
                return stream.Where(a =>
                    (categorySlug is null || categories.IsWithin(a.CategoryId, categorySlug))
                    && (authorSlug is null || string.Equals(a.Author.Slug, authorSlug, StringComparison.Ordinal)));
            });

        subscription.Field<NonNullGraphType<ArticleType>, Article>("onBreakingNews")
            .Description("A published article marked as breaking news.")
            .ResolveStreamAsync(async ctx =>
            {
                var stream = await Feed(ctx).SubscribePublishedAsync(ctx.CancellationToken);
                return stream.Where(a => a.IsBreaking);
            });

        subscription.Field<NonNullGraphType<ArticleType>, Article>("onArticleUpdated")
            .Description("Every change to one published article.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The ID of the article.")
            .ResolveStreamAsync(async ctx =>
            {
                var id = NodeId.DecodeInt(ctx.GetArgument<string>("id"), ArticleType.TypeName);
                // Readers get changes of published articles only; editors follow drafts too.
                var stream = await Feed(ctx).SubscribeUpdatedAsync(ctx.IncludesUnpublished(), ctx.CancellationToken);
                return stream.Where(a => a.Id == id);
            });
    }

    private static ArticleEventsFeed Feed(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ArticleEventsFeed>();
}
