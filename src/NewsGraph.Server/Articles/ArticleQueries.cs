using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Articles;

/// <summary>The article fields of the query root.</summary>
internal sealed class ArticleQueries(ConnectionTypeRegistry connections) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddLookupFields<ArticleType, Article, ArticleByIdDataLoader, ArticleBySlugDataLoader>("article", ArticleType.TypeName, "an article");

        query.AddConnectionField<ArticleType>(
            connections,
            "articles",
            async ctx =>
            {
                await using var db = await ctx.CreateNewsDbContextAsync();
                return await ctx.ToConnectionAsync(db.Articles, ArticleOrder.NewestFor(db.IncludeUnpublished), ArticleOrder.ById);
            },
            typeof(ArticleFilterInputType),
            typeof(ArticleSortInputType),
            "Articles, newest first unless `order` says otherwise. Readers see published articles only; editors also see drafts and archived ones.");

        var recent = query.AddConnectionField<ArticleType>(
            connections,
            "recentArticles",
            async ctx =>
            {
                await using var db = await ctx.CreateNewsDbContextAsync();
                // What a reader's front page shows, for editors too: published articles only.
                var articles = db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null);
                var categorySlug = ctx.GetArgument<string?>("categorySlug");
                if (categorySlug is not null)
                {
                    var tree = await CategoryTree.LoadAsync(db, ctx.CancellationToken);
                    IReadOnlyList<int> categoryIds = tree.FindId(categorySlug) is int id ? tree.WithDescendants(id) : [];
                    articles = articles.Where(a => categoryIds.Contains(a.CategoryId));
                }

                return await ctx.ToConnectionAsync(articles, ArticleOrder.Newest, ArticleOrder.ById);
            },
            description: "Published articles, newest first; optionally only one category and its subcategories.");
        recent.Arguments!.Add(new QueryArgument<StringGraphType>
        {
            Name = "categorySlug",
            Description = "Only articles of this category or of any category under it.",
        });
    }
}
