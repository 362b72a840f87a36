using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Articles;

/// <summary>
/// The article fields of the mutation root: create and edit drafts, publish, unpublish, archive and delete. Each
/// resolver maps its input to a call of the <see cref="ArticleWorkflow"/>, which holds the rules.
/// </summary>
internal static class ArticleMutations
{
    private static readonly Type[] CreateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType)];
    private static readonly Type[] UpdateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType), typeof(InvalidStatusErrorType)];
    private static readonly Type[] StatusErrors = [typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType), typeof(InvalidStatusErrorType)];
    private static readonly Type[] DeleteErrors = [typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType)];

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<ArticleType, Article>("createArticle", "article", ArticleInputs.Create, CreateErrors, CreateAsync,
            "Creates a draft. Readers see it only once it is published.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("updateArticle", "article", ArticleInputs.Update, UpdateErrors, UpdateAsync,
            "Changes a draft or a published article; subscribers of a published article get `onArticleUpdated`.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("publishArticle", "article", ArticleInputs.Publish, StatusErrors,
            PublishAsync,
            "Publishes a draft (sets `publishedAt` on first publication) and announces it on `onArticlePublished`.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("unpublishArticle", "article", ArticleInputs.IdAndVersion, StatusErrors,
            UnpublishAsync,
            "Takes a published article back to draft; it keeps its slug and first publication date.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("archiveArticle", "article", ArticleInputs.IdAndVersion, StatusErrors,
            ArchiveAsync,
            "Withdraws an article from readers for good; archived articles cannot be edited or published.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("deleteArticle", "article", ArticleInputs.IdAndVersion, DeleteErrors, DeleteAsync,
            "Deletes an article; the payload holds the article as it was.").AuthorizeWithRoles(EditorRoles.All);
    }

    private static Task<MutationResult<Article>> CreateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var draft = new ArticleDraft(
            Title: input.GetString("title")!,
            Body: input.GetString("body")!,
            Author: NodeReference.Decode(input.GetString("authorId")!, AuthorType.TypeName),
            Category: NodeReference.Decode(input.GetString("categoryId")!, CategoryType.TypeName),
            Tags: NodeReference.DecodeAll(input.GetStrings("tagIds"), TagType.TypeName),
            Summary: input.GetString("summary"),
            Slug: input.GetString("slug"),
            HeroImageUrl: input.GetString("heroImageUrl"),
            CanonicalUrl: input.GetString("canonicalUrl"));
        return Workflow(ctx).CreateAsync(draft, ctx.CancellationToken);
    }

    private static Task<MutationResult<Article>> UpdateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var (id, version) = IdAndVersion(input);
        var changes = new ArticleChanges
        {
            Author = ReadOptional(input, "authorId", globalId => NodeReference.DecodeOptional(globalId, AuthorType.TypeName)),
            Category = ReadOptional(input, "categoryId", globalId => NodeReference.DecodeOptional(globalId, CategoryType.TypeName)),
            Tags = NodeReference.DecodeAll(input.GetStrings("tagIds"), TagType.TypeName),
            Title = ReadOptional(input, "title", text => text),
            Body = ReadOptional(input, "body", text => text),
            Summary = ReadOptional(input, "summary", text => text),
            HeroImageUrl = ReadOptional(input, "heroImageUrl", text => text),
            CanonicalUrl = ReadOptional(input, "canonicalUrl", text => text),
        };
        return Workflow(ctx).UpdateAsync(id, version, changes, ctx.CancellationToken);
    }

    private static Task<MutationResult<Article>> PublishAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var (id, version) = IdAndVersion(input);
        return Workflow(ctx).PublishAsync(id, version, input.GetBoolean("isBreaking") ?? false, ctx.CancellationToken);
    }

    private static Task<MutationResult<Article>> UnpublishAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var (id, version) = IdAndVersion(input);
        return Workflow(ctx).UnpublishAsync(id, version, ctx.CancellationToken);
    }

    private static Task<MutationResult<Article>> ArchiveAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var (id, version) = IdAndVersion(input);
        return Workflow(ctx).ArchiveAsync(id, version, ctx.CancellationToken);
    }

    private static Task<MutationResult<Article>> DeleteAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var (id, version) = IdAndVersion(input);
        return Workflow(ctx).DeleteAsync(id, version, ctx.CancellationToken);
    }

    private static (NodeReference Id, int Version) IdAndVersion(MutationInput input) =>
        (NodeReference.Decode(input.GetString("id")!, ArticleType.TypeName), input.GetInt("version")!.Value);

    private static Optional<T> ReadOptional<T>(MutationInput input, string name, Func<string?, T> convert) =>
        input.IsSet(name) ? convert(input.GetString(name)) : Optional<T>.Unset;

    private static ArticleWorkflow Workflow(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<ArticleWorkflow>();
}
