using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Projection;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.RelatedArticles;
using NewsGraph.Server.Schema;
using NewsGraph.Server.Seo;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Articles;

public sealed class ArticleType : ObjectGraphType<Article>
{
    public const string TypeName = "Article";

    public ArticleType()
    {
        Name = TypeName;
        Description = "A news article.";
        Interface<NodeInterfaceType>();
        // Lists and look-ups of articles read only the columns a request selects, with author and category joined when
        // shown. Id and Slug are what the loaders key on.
        this.ProjectWith(nameof(Article.Id), nameof(Article.Slug));

        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => NodeId.Encode(TypeName, ctx.Source.Id));
        Field(a => a.Slug).Description("The URL segment that identifies the article; stable once published.");
        Field(a => a.Title);
        Field(a => a.Summary, nullable: true).Description("The standfirst: one paragraph that sums the article up.");
        Field(a => a.Body).Description("The body as Markdown.");
        Field<NonNullGraphType<StringGraphType>, string>("bodyHtml")
            .Description("The body rendered to HTML and sanitized: safe to insert into a page as is.")
            .Projects(nameof(Article.Id), nameof(Article.Version), nameof(Article.Body))
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<ArticleBodyRenderer>().Render(ctx.Source));
        Field<NonNullGraphType<ArticleStatusType>, ArticleStatus>("status").Resolve(ctx => ctx.Source.Status);
        Field(a => a.IsBreaking).Description("Whether the article was published as breaking news.");
        Field(a => a.PublishedAt, nullable: true).Description("When the article was first published; null until then (while it is a draft or scheduled).");
        Field(a => a.ScheduledFor, nullable: true).Description("When a SCHEDULED article will be published; null in every other status.");
        Field(a => a.CreatedAt);
        Field(a => a.UpdatedAt);
        Field(a => a.WordCount).Description("Words in the body.");
        Field(a => a.ReadingTimeMinutes).Description("Estimated reading time at 230 words a minute, at least one minute.");
        Field(a => a.HeroImageUrl, nullable: true);
        Field(a => a.CanonicalUrl, nullable: true).Description("Where the article was first published, when that is elsewhere.");
        Field(a => a.Version).Description("Concurrency token: pass it back when you change the article.");

        // An article that arrived with its author, category and tags (a subscription event, loaded once for every
        // subscriber) answers from itself; otherwise the loaders batch the level's keys into one query each.
        Field<NonNullGraphType<AuthorType>, Author>("author")
            .Projects(nameof(Article.AuthorId), nameof(Article.Author))
            .ResolveAsync(ctx => ctx.Source.Author is { } author
                ? new CompletedDataLoaderResult<Author?>(author)
                : ctx.Loader<AuthorByIdDataLoader>().LoadAsync(ctx.Source.AuthorId));
        Field<NonNullGraphType<CategoryType>, Category>("category")
            .Projects(nameof(Article.CategoryId), nameof(Article.Category))
            .ResolveAsync(ctx => ctx.Source.Category is { } category
                ? new CompletedDataLoaderResult<Category?>(category)
                : ctx.Loader<CategoryByIdDataLoader>().LoadAsync(ctx.Source.CategoryId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagType>>>, IReadOnlyList<Tag>>("tags")
            .Description("The article's tags, by name.")
            .Projects(nameof(Article.Id))
            // Tags that came with the article (the event feed's, a mutation's) answer from it. An empty list may just not
            // be loaded, so the loader answers that: at worst one query for an article without tags.
            .ResolveAsync(ctx => ctx.Source.Tags.Count > 0
                ? new CompletedDataLoaderResult<IReadOnlyList<Tag>>([.. ctx.Source.Tags])
                : ctx.Loader<TagsByArticleIdDataLoader>().LoadAsync(ctx.Source.Id));
        this.AddSeoField();
        this.AddRelatedField<ArticleType>();
    }
}
