using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Projection;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Seo;

public static class SeoFields
{
    /// <summary>
    /// <c>Article.seo</c>. Its author comes the way <c>Article.author</c>'s does (with the article, or batched by the
    /// author loader, which both fields share), so it adds no query of its own.
    /// </summary>
    public static void AddSeoField(this ObjectGraphType<Article> article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Field<NonNullGraphType<ArticleSeoType>, ArticleSeo>("seo")
            .Description("Title, description, canonical URL, Open Graph properties and schema.org JSON-LD for the article's page.")
            .Projects(
                nameof(Article.Id), nameof(Article.Slug), nameof(Article.Title), nameof(Article.Summary), nameof(Article.Body),
                nameof(Article.PublishedAt), nameof(Article.UpdatedAt), nameof(Article.HeroImageUrl), nameof(Article.CanonicalUrl),
                nameof(Article.AuthorId), nameof(Article.Author))
            .ResolveAsync(ctx =>
            {
                var builder = ctx.RequestServices!.GetRequiredService<ArticleSeoBuilder>();
                var source = ctx.Source;
                var author = source.Author is { } loaded
                    ? new CompletedDataLoaderResult<Author?>(loaded)
                    : ctx.Loader<AuthorByIdDataLoader>().LoadAsync(source.AuthorId);
                return author.Select<Author?, ArticleSeo?>(a => builder.Build(source, a ?? throw new InvalidOperationException($"Article {source.Id} has no author.")));
            });
    }
}
