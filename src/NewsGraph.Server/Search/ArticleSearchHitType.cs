using GraphQL.Types;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Search;

public sealed class ArticleSearchHitType : ObjectGraphType<ArticleSearchHit>
{
    public ArticleSearchHitType()
    {
        Name = "ArticleSearchHit";
        Description = "An article a search found, how well it matched and why.";

        Field<NonNullGraphType<ArticleType>, Article>("article")
            .ResolveAsync(ctx => ctx.Loader<ArticleByIdDataLoader>().LoadAsync(ctx.Source.ArticleId)!);
        Field<NonNullGraphType<FloatGraphType>, double>("score")
            .Description("Relevance (title over summary over body) times a gentle recency boost; higher is better. Comparable within one search only.")
            .Resolve(ctx => ctx.Source.Score);
        Field<StringGraphType, string>("titleHighlight")
            .Description("The title as HTML, the matched words in `<mark>`, everything else escaped: safe to insert into a page.")
            .ResolveAsync(ctx => ctx.Loader<ArticleSearchHighlightsDataLoader>().LoadAsync((ctx.Source.Query, ctx.Source.ArticleId))
                .Select(highlights => highlights?.TitleHighlight));
        Field<StringGraphType, string>("snippet")
            .Description("A passage of the body around the matched words, as HTML like `titleHighlight` (length: `Search:SnippetWords`).")
            .ResolveAsync(ctx => ctx.Loader<ArticleSearchHighlightsDataLoader>().LoadAsync((ctx.Source.Query, ctx.Source.ArticleId))
                .Select(highlights => highlights?.Snippet));
    }
}
