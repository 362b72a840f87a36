using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Data.Projection;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.RelatedArticles;

public static class RelatedArticlesFields
{
    public const int DefaultFirst = 5;

    public const int MaxFirst = 20;

    /// <summary><c>extensions.code</c> of a <c>first</c> outside 0 to <see cref="MaxFirst"/>.</summary>
    public const string FirstOutOfRangeCode = "RELATED_FIRST_OUT_OF_RANGE";

    /// <summary><c>Article.related(first:)</c>, resolved for a whole level by <see cref="RelatedArticlesDataLoader"/>.</summary>
    public static void AddRelatedField<TArticleType>(this ObjectGraphType<Article> article)
        where TArticleType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TArticleType>>>, IReadOnlyList<Article>>("related")
            .Description("Published articles on the same subject, best first: most shared tags, then the same category, then newest. Never the article itself.")
            .Argument<IntGraphType>("first", arg =>
            {
                arg.DefaultValue = DefaultFirst;
                arg.Description = $"How many (0 to {MaxFirst}).";
            })
            .Projects(nameof(Article.Id))
            .ResolveAsync(ctx =>
            {
                var first = ctx.GetArgument("first", DefaultFirst);
                if (first is < 0 or > MaxFirst)
                {
                    throw new ExecutionError($"`related(first:)` must be between 0 and {MaxFirst}; it was {first}.") { Code = FirstOutOfRangeCode };
                }

                return first == 0
                    ? new CompletedDataLoaderResult<IReadOnlyList<Article>>([])
                    : ctx.Loader<RelatedArticlesDataLoader>().LoadAsync(new RelatedArticlesKey(ctx.Source.Id, first));
            });
    }
}
