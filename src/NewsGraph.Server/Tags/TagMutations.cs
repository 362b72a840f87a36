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
        mutation.AddMutationField<TagType, Tag>("createTag", "tag", input =>
        {
            input.Field<NonNullGraphType<StringGraphType>>("name");
            input.Field<StringGraphType>("slug").Description("Generated from the name when left out.");
        }, CreateErrors, CreateAsync).AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<TagType, Tag>("updateTag", "tag", input =>
        {
            input.Field<NonNullGraphType<IdGraphType>>("id");
            input.Field<StringGraphType>("name");
            input.Field<StringGraphType>("slug");
        }, UpdateErrors, UpdateAsync).AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<TagType, Tag>("deleteTag", "tag", input => input.Field<NonNullGraphType<IdGraphType>>("id"),
            DeleteErrors, DeleteAsync, "Deletes a tag and removes it from its articles.").AuthorizeWithRoles(EditorRoles.All);
    }

    private static async Task<MutationResult<Tag>> CreateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var name = input.GetString("name")!;
        var slug = input.GetString("slug");
        var errors = Validate(input, name, slug, nameRequired: true);
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

    private static async Task<MutationResult<Tag>> UpdateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var globalId = input.GetString("id")!;
        var id = NodeId.DecodeInt(globalId, TagType.TypeName);
        var name = input.GetString("name");
        var slug = input.GetString("slug");
        var errors = Validate(input, name, slug, nameRequired: input.IsSet("name"));
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

    private static async Task<MutationResult<Tag>> DeleteAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var globalId = input.GetString("id")!;
        var id = NodeId.DecodeInt(globalId, TagType.TypeName);
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

    private static List<ValidationError> Validate(MutationInput input, string? name, string? slug, bool nameRequired)
    {
        var errors = new List<ValidationError>();
        if (nameRequired)
        {
            InputValidation.RequiredText(errors, "name", name, NewsDbContext.NameMaxLength);
            if (!input.IsSet("slug"))
            {
                InputValidation.SluggableText(errors, "name", name);
            }
        }

        if (input.IsSet("slug") && slug is null && !nameRequired)
        {
            errors.Add(new ValidationError("slug", "`slug` cannot be removed."));
        }

        InputValidation.Slug(errors, "slug", slug);
        return errors;
    }
}
