using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Authors;

/// <summary>The author fields of the mutation root: create, edit (the slug stays) and delete authors without articles.</summary>
internal sealed class AuthorMutations : IMutationFields
{
    /// <summary>A bio is a paragraph on the author page; the limit keeps it one and bounds every author payload.</summary>
    public const int BioMaxLength = 2_000;

    private static readonly Type[] CreateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType)];
    private static readonly Type[] UpdateErrors = [typeof(ValidationErrorType), typeof(NotFoundErrorType)];
    private static readonly Type[] DeleteErrors = [typeof(NotFoundErrorType), typeof(AuthorHasArticlesErrorType)];

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<AuthorType, Author, CreateAuthorInputType, CreateAuthorInput>("createAuthor", "author", CreateErrors, CreateAsync,
            "Creates an author.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<AuthorType, Author, UpdateAuthorInputType, UpdateAuthorInput>("updateAuthor", "author", UpdateErrors, UpdateAsync,
            "Changes an author's name, bio or avatar; the slug never changes.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<AuthorType, Author, DeleteAuthorInputType, DeleteAuthorInput>("deleteAuthor", "author", DeleteErrors, DeleteAsync,
            "Deletes an author who has no articles (of any status); the payload holds the author as it was.").AuthorizeWithRoles(EditorRoles.All);
    }

    private static async Task<MutationResult<Author>> CreateAsync(IResolveFieldContext ctx, CreateAuthorInput input)
    {
        var name = input.Name;
        var slug = input.Slug;
        var errors = new List<ValidationError>();
        InputValidation.RequiredText(errors, "name", name, NewsDbContext.NameMaxLength);
        if (slug is null)
        {
            InputValidation.SluggableText(errors, "name", name);
        }

        InputValidation.Slug(errors, "slug", slug);
        ValidateDetails(errors, input.Bio, input.AvatarUrl);
        if (errors.Count > 0)
        {
            return MutationResult<Author>.Failure(errors);
        }

        await using var db = await ctx.CreateNewsDbContextAsync();
        var (chosen, error) = await EntityMutationSupport.ChooseSlugAsync(db.Authors.Select(a => a.Slug), slug, name, ctx.CancellationToken);
        if (error is not null)
        {
            return MutationResult<Author>.Failure(error);
        }

        var author = new Author
        {
            Name = name.Trim(),
            Slug = chosen!,
            Bio = input.Bio,
            AvatarUrl = input.AvatarUrl,
        };
        db.Add(author);
        return await EntityMutationSupport.SaveAsync(db, author, author.Slug, null, ctx.CancellationToken);
    }

    private static async Task<MutationResult<Author>> UpdateAsync(IResolveFieldContext ctx, UpdateAuthorInput input)
    {
        var (globalId, id) = NodeReference.Decode(input.Id, AuthorType.TypeName);
        var errors = new List<ValidationError>();
        // An explicit null name is as wrong as an empty one: every author has a name.
        if (input.Name.HasValue)
        {
            InputValidation.RequiredText(errors, "name", input.Name.Value, NewsDbContext.NameMaxLength);
        }

        ValidateDetails(errors, input.Bio.Value, input.AvatarUrl.Value);
        if (errors.Count > 0)
        {
            return MutationResult<Author>.Failure(errors);
        }

        await using var db = await ctx.CreateNewsDbContextAsync();
        var author = await db.Authors.AsTracking().FirstOrDefaultAsync(a => a.Id == id, ctx.CancellationToken);
        if (author is null)
        {
            return MutationResult<Author>.Failure(NotFound(globalId));
        }

        if (input.Name.Value is { } name)
        {
            author.Name = name.Trim();
        }

        if (input.Bio.HasValue)
        {
            author.Bio = input.Bio.Value;
        }

        if (input.AvatarUrl.HasValue)
        {
            author.AvatarUrl = input.AvatarUrl.Value;
        }

        return await EntityMutationSupport.SaveAsync(db, author, author.Slug, globalId, ctx.CancellationToken);
    }

    private static async Task<MutationResult<Author>> DeleteAsync(IResolveFieldContext ctx, DeleteAuthorInput input)
    {
        var (globalId, id) = NodeReference.Decode(input.Id, AuthorType.TypeName);
        await using var db = await ctx.CreateNewsDbContextAsync();
        // Drafts and archived articles count too: they would be orphaned just the same.
        db.WithUnpublished();
        var author = await db.Authors.AsTracking().FirstOrDefaultAsync(a => a.Id == id, ctx.CancellationToken);
        if (author is null)
        {
            return MutationResult<Author>.Failure(NotFound(globalId));
        }

        var articleCount = await db.Articles.CountAsync(a => a.AuthorId == id, ctx.CancellationToken);
        if (articleCount > 0)
        {
            return MutationResult<Author>.Failure(HasArticles(author, articleCount));
        }

        db.Remove(author);
        try
        {
            return await EntityMutationSupport.SaveAsync(db, author, author.Slug, globalId, ctx.CancellationToken);
        }
        catch (DbUpdateException exception) when (ForeignKeyConstraint.IsViolation(exception))
        {
            // An article was filed under the author between the count and the delete; the restricting key refused.
            return MutationResult<Author>.Failure(HasArticles(author, await CountArticlesAfterRaceAsync(ctx, id)));
        }
    }

    private static void ValidateDetails(List<ValidationError> errors, string? bio, string? avatarUrl)
    {
        InputValidation.MaxLength(errors, "bio", bio, BioMaxLength);
        InputValidation.Url(errors, "avatarUrl", avatarUrl);
    }

    private static async Task<int> CountArticlesAfterRaceAsync(IResolveFieldContext ctx, int id)
    {
        await using var db = await ctx.CreateNewsDbContextAsync();
        db.WithUnpublished();
        return await db.Articles.CountAsync(a => a.AuthorId == id, ctx.CancellationToken);
    }

    private static NotFoundError NotFound(string globalId) => new(globalId, $"No author has the ID `{globalId}`.");

    private static AuthorHasArticlesError HasArticles(Author author, int articleCount) =>
        new(articleCount, $"The author `{author.Slug}` still has {articleCount} article(s); reassign or delete them first.");
}
