using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Tags;

/// <summary>The tag fields of the mutation root.</summary>
internal sealed class TagMutations : IMutationFields
{
    private static readonly Type[] CreateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType)];
    private static readonly Type[] UpdateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType)];
    private static readonly Type[] DeleteErrors = [typeof(NotFoundErrorType)];

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<TagType, Tag, CreateTagInputType, CreateTagInput>("createTag", "tag", CreateErrors, CreateAsync)
            .AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<TagType, Tag, UpdateTagInputType, UpdateTagInput>("updateTag", "tag", UpdateErrors, UpdateAsync)
            .AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<TagType, Tag, DeleteTagInputType, DeleteTagInput>("deleteTag", "tag", DeleteErrors, DeleteAsync,
            "Deletes a tag and removes it from its articles.").AuthorizeWithRoles(EditorRoles.All);
    }

    private static async Task<MutationResult<Tag>> CreateAsync(IResolveFieldContext ctx, CreateTagInput input)
    {
        var name = input.Name;
        var slug = input.Slug;
        // Without a slug (left out or null) one is generated from the name, which must then have something in it.
        var errors = Validate(name, nameRequired: true, slug is null ? Optional<string?>.Unset : slug);
        if (errors.Count > 0)
        {
            return MutationResult<Tag>.Failure(errors);
        }

        await using var db = await ctx.CreateNewsDbContextAsync();
        var (chosen, error) = await EntityMutationSupport.ChooseSlugAsync(db.Tags.Select(t => t.Slug), slug, name, ctx.CancellationToken);
        if (error is not null)
        {
            return MutationResult<Tag>.Failure(error);
        }

        var tag = new Tag { Name = name.Trim(), Slug = chosen! };
        db.Add(tag);
        return await EntityMutationSupport.SaveAsync(db, tag, tag.Slug, null, ctx.CancellationToken);
    }

    private static async Task<MutationResult<Tag>> UpdateAsync(IResolveFieldContext ctx, UpdateTagInput input)
    {
        var (globalId, id) = NodeReference.Decode(input.Id, TagType.TypeName);
        var name = input.Name.Value;
        var slug = input.Slug.Value;
        var errors = Validate(name, nameRequired: input.Name.HasValue, input.Slug);
        if (errors.Count > 0)
        {
            return MutationResult<Tag>.Failure(errors);
        }

        await using var db = await ctx.CreateNewsDbContextAsync();
        var tag = await db.Tags.AsTracking().FirstOrDefaultAsync(t => t.Id == id, ctx.CancellationToken);
        if (tag is null)
        {
            return MutationResult<Tag>.Failure(new NotFoundError(globalId, $"No tag has the ID `{globalId}`."));
        }

        if (slug is not null && slug != tag.Slug)
        {
            if (await db.Tags.AnyAsync(t => t.Slug == slug, ctx.CancellationToken))
            {
                return MutationResult<Tag>.Failure(new SlugTakenError(slug, $"The slug `{slug}` is already in use."));
            }

            tag.Slug = slug;
        }

        if (name is not null)
        {
            tag.Name = name.Trim();
        }

        return await EntityMutationSupport.SaveAsync(db, tag, tag.Slug, globalId, ctx.CancellationToken);
    }

    private static async Task<MutationResult<Tag>> DeleteAsync(IResolveFieldContext ctx, DeleteTagInput input)
    {
        var (globalId, id) = NodeReference.Decode(input.Id, TagType.TypeName);
        await using var db = await ctx.CreateNewsDbContextAsync();
        db.WithUnpublished();
        var tag = await db.Tags.AsTracking().FirstOrDefaultAsync(t => t.Id == id, ctx.CancellationToken);
        if (tag is null)
        {
            return MutationResult<Tag>.Failure(new NotFoundError(globalId, $"No tag has the ID `{globalId}`."));
        }

        // The article links go with the tag (cascade); the articles themselves stay.
        db.Remove(tag);
        return await EntityMutationSupport.SaveAsync(db, tag, tag.Slug, globalId, ctx.CancellationToken);
    }

    private static List<ValidationError> Validate(string? name, bool nameRequired, Optional<string?> slug)
    {
        var errors = new List<ValidationError>();
        if (nameRequired)
        {
            InputValidation.RequiredText(errors, "name", name, NewsDbContext.NameMaxLength);
            if (!slug.HasValue)
            {
                InputValidation.SluggableText(errors, "name", name);
            }
        }

        if (slug.HasValue && slug.Value is null && !nameRequired)
        {
            errors.Add(new ValidationError("slug", "`slug` cannot be removed."));
        }

        InputValidation.Slug(errors, "slug", slug.Value);
        return errors;
    }
}
