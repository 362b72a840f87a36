using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Composition;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Previews;

/// <summary><c>articlePreview(token:)</c>: the one article a preview token opens, for whoever holds the token.</summary>
internal sealed class PreviewQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<ArticleType, Article>("articlePreview")
            .Description("The article a preview link (`createPreviewLink`) opens, whatever its status, to anyone with the token; " +
                "null when the article was deleted. An expired or otherwise invalid token is an error " +
                "(PREVIEW_TOKEN_EXPIRED, PREVIEW_TOKEN_INVALID).")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The token of the preview link.")
            .ResolveAsync(async ctx =>
            {
                var articleId = ctx.RequestServices!.GetRequiredService<PreviewTokens>().Open(ctx.GetArgument<string>("token"));
                await using var db = await ctx.CreateNewsDbContextAsync();
                // The token, not the viewer, decides: the article comes with its author, category and tags, because the
                // loaders would show a reader a draft's tags as none.
                return await db.WithUnpublished().Articles
                    .Include(a => a.Author)
                    .Include(a => a.Category)
                    .Include(a => a.Tags.OrderBy(t => t.Name))
                    .AsSplitQuery()
                    .FirstOrDefaultAsync(a => a.Id == articleId, ctx.CancellationToken);
            });
    }
}
