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
        mutation.AddMutationField<AuthorType, Author>("createAuthor", "author", AuthorInputs.Create, CreateErrors, CreateAsync,
            "Creates an author.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<AuthorType, Author>("updateAuthor", "author", AuthorInputs.Update, UpdateErrors, UpdateAsync,
            "Changes an author's name, bio or avatar; the slug never changes.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<AuthorType, Author>("deleteAuthor", "author", AuthorInputs.Id, DeleteErrors, DeleteAsync,
            "Deletes an author who has no articles (of any status); the payload holds the author as it was.").AuthorizeWithRoles(EditorRoles.All);
    }

    private static async Task<MutationResult<Author>> CreateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var name = input.GetString("name")!;
        var slug = input.GetString("slug");
        var errors = new List<ValidationError>();
        InputValidation.RequiredText(errors, "name", name, NewsDbContext.NameMaxLength);
        if (slug is null)
        {
            InputValidation.SluggableText(errors, "name", name);
        }

        InputValidation.Slug(errors, "slug", slug);
        ValidateDetails(errors, input);
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
            Bio = input.GetString("bio"),
            AvatarUrl = input.GetString("avatarUrl"),
        };
        db.Add(author);
        return await EntityMutationSupport.SaveAsync(db, author, author.Slug, null, ctx.CancellationToken);
    }

    private static async Task<MutationResult<Author>> UpdateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var globalId = input.GetString("id")!;
        var id = NodeId.DecodeInt(globalId, AuthorType.TypeName);
        var name = input.GetString("name");
        var errors = new List<ValidationError>();
        // An explicit null name is as wrong as an empty one: every author has a name.
        if (input.IsSet("name"))
        {
            InputValidation.RequiredText(errors, "name", name, NewsDbContext.NameMaxLength);
        }

        ValidateDetails(errors, input);
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

        if (name is not null)
        {
            author.Name = name.Trim();
        }

        if (input.IsSet("bio"))
        {
            author.Bio = input.GetString("bio");
        }

        if (input.IsSet("avatarUrl"))
        {
            author.AvatarUrl = input.GetString("avatarUrl");
        }

        return await EntityMutationSupport.SaveAsync(db, author, author.Slug, globalId, ctx.CancellationToken);
    }

    private static async Task<MutationResult<Author>> DeleteAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var globalId = input.GetString("id")!;
        var id = NodeId.DecodeInt(globalId, AuthorType.TypeName);
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

    private static void ValidateDetails(List<ValidationError> errors, MutationInput input)
    {
        InputValidation.MaxLength(errors, "bio", input.GetString("bio"), BioMaxLength);
        InputValidation.Url(errors, "avatarUrl", input.GetString("avatarUrl"));
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
