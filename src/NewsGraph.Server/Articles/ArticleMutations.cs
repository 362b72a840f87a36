using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Articles;

/// <summary>
/// The article fields of the mutation root: create and edit drafts, publish, schedule, unschedule, unpublish, archive
/// and delete. Each
/// resolver maps its input to a call of the <see cref="ArticleWorkflow"/>, which holds the rules.
/// </summary>
internal sealed class ArticleMutations : IMutationFields
{
    private static readonly Type[] CreateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType)];
    private static readonly Type[] UpdateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType), typeof(InvalidStatusErrorType)];
    private static readonly Type[] StatusErrors = [typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType), typeof(InvalidStatusErrorType)];
    private static readonly Type[] ScheduleErrors = [typeof(ValidationErrorType), typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType), typeof(InvalidStatusErrorType)];
    private static readonly Type[] DeleteErrors = [typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType)];

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<ArticleType, Article, CreateArticleInputType, CreateArticleInput>("createArticle", "article", CreateErrors, CreateAsync,
            "Creates a draft. Readers see it only once it is published.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article, UpdateArticleInputType, UpdateArticleInput>("updateArticle", "article", UpdateErrors, UpdateAsync,
            "Changes a draft or a published article; subscribers of a published article get `onArticleUpdated`.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article, PublishArticleInputType, PublishArticleInput>("publishArticle", "article", StatusErrors,
            (ctx, input) => Workflow(ctx).PublishAsync(Article(input.Id), input.Version, input.IsBreaking, ctx.CancellationToken),
            "Publishes a draft or a scheduled article now (sets `publishedAt` on first publication) and announces it on `onArticlePublished`.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article, ArticleVersionInputType, ArticleVersionInput>("unpublishArticle", "article", StatusErrors,
            (ctx, input) => Workflow(ctx).UnpublishAsync(Article(input.Id), input.Version, ctx.CancellationToken),
            "Takes a published article back to draft; it keeps its slug and first publication date.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article, ScheduleArticleInputType, ScheduleArticleInput>("scheduleArticle", "article", ScheduleErrors,
            (ctx, input) => Workflow(ctx).ScheduleAsync(Article(input.Id), input.Version, input.PublishAt, input.IsBreaking, ctx.CancellationToken),
            "Schedules a draft (or reschedules a scheduled article): the server publishes it at `publishAt`, as `publishArticle` would. Readers see nothing of it until then.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article, ArticleVersionInputType, ArticleVersionInput>("unscheduleArticle", "article", StatusErrors,
            (ctx, input) => Workflow(ctx).UnscheduleAsync(Article(input.Id), input.Version, ctx.CancellationToken),
            "Takes a scheduled article back to draft; it will not be published.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article, ArticleVersionInputType, ArticleVersionInput>("archiveArticle", "article", StatusErrors,
            (ctx, input) => Workflow(ctx).ArchiveAsync(Article(input.Id), input.Version, ctx.CancellationToken),
            "Withdraws an article from readers for good; archived articles cannot be edited or published.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article, ArticleVersionInputType, ArticleVersionInput>("deleteArticle", "article", DeleteErrors,
            (ctx, input) => Workflow(ctx).DeleteAsync(Article(input.Id), input.Version, ctx.CancellationToken),
            "Deletes an article; the payload holds the article as it was.").AuthorizeWithRoles(EditorRoles.All);
    }

    private static Task<MutationResult<Article>> CreateAsync(IResolveFieldContext ctx, CreateArticleInput input)
    {
        var draft = new ArticleDraft(
            Title: input.Title,
            Body: input.Body,
            Author: NodeReference.Decode(input.AuthorId, AuthorType.TypeName),
            Category: NodeReference.Decode(input.CategoryId, CategoryType.TypeName),
            Tags: NodeReference.DecodeAll(input.TagIds, TagType.TypeName),
            Summary: input.Summary,
            Slug: input.Slug,
            HeroImageUrl: input.HeroImageUrl,
            CanonicalUrl: input.CanonicalUrl);
        return Workflow(ctx).CreateAsync(draft, ctx.CancellationToken);
    }

    private static Task<MutationResult<Article>> UpdateAsync(IResolveFieldContext ctx, UpdateArticleInput input)
    {
        var id = Article(input.Id);
        var changes = new ArticleChanges
        {
            Author = Decode(input.AuthorId, AuthorType.TypeName),
            Category = Decode(input.CategoryId, CategoryType.TypeName),
            Tags = NodeReference.DecodeAll(input.TagIds, TagType.TypeName),
            Title = input.Title,
            Body = input.Body,
            Summary = input.Summary,
            HeroImageUrl = input.HeroImageUrl,
            CanonicalUrl = input.CanonicalUrl,
        };
        return Workflow(ctx).UpdateAsync(id, input.Version, changes, ctx.CancellationToken);
    }

    private static NodeReference Article(string globalId) => NodeReference.Decode(globalId, ArticleType.TypeName);

    private static Optional<NodeReference?> Decode(Optional<string?> globalId, string typeName) =>
        globalId.HasValue ? NodeReference.DecodeOptional(globalId.Value, typeName) : Optional<NodeReference?>.Unset;

    private static ArticleWorkflow Workflow(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<ArticleWorkflow>();
}
