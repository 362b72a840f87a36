using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Categories;

/// <summary>
/// The category fields of the mutation root: create, edit and re-parent (never into its own subtree), and delete
/// categories that are empty.
/// </summary>
internal sealed class CategoryMutations : IMutationFields
{
    private static readonly Type[] CreateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType)];
    private static readonly Type[] UpdateErrors = [typeof(ValidationErrorType), typeof(NotFoundErrorType), typeof(CategoryCycleErrorType)];
    private static readonly Type[] DeleteErrors = [typeof(NotFoundErrorType), typeof(CategoryNotEmptyErrorType)];

    // The cycle check reads the whole tree and the write changes one parent: two editors re-parenting A under B and
    // B under A at once would each pass the check against the old tree; a category created or moved under a parent
    // that is being deleted would fail on the foreign key. Hierarchy changes therefore take turns, across every
    // instance sharing the database (WriterTurn.CategoryHierarchy: a transaction that decides on what the previous
    // turn committed) and, first, within this process, so that its requests queue here instead of polling SQLite's
    // file lock. The tree is a navigation menu, edited rarely, so the wait costs nothing.
    private static readonly SemaphoreSlim HierarchyLock = new(1, 1);

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<CategoryType, Category, CreateCategoryInputType, CreateCategoryInput>("createCategory", "category", CreateErrors, InvalidatingHierarchy<CreateCategoryInput>(CreateAsync),
            "Creates a category, top-level or under a parent.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<CategoryType, Category, UpdateCategoryInputType, UpdateCategoryInput>("updateCategory", "category", UpdateErrors, InvalidatingHierarchy<UpdateCategoryInput>(UpdateAsync),
            "Changes a category's name, description, parent or position; the slug never changes.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<CategoryType, Category, DeleteCategoryInputType, DeleteCategoryInput>("deleteCategory", "category", DeleteErrors, InvalidatingHierarchy<DeleteCategoryInput>(DeleteAsync),
            "Deletes a category without articles (of any status) and subcategories; the payload holds it as it was.").AuthorizeWithRoles(EditorRoles.All);
    }

    /// <summary>After any category mutation the subscription filters' copy of the tree is reloaded before the next event.</summary>
    private static Func<IResolveFieldContext, TInput, Task<MutationResult<Category>>> InvalidatingHierarchy<TInput>(
        Func<IResolveFieldContext, TInput, Task<MutationResult<Category>>> mutate) =>
        async (ctx, input) =>
        {
            try
            {
                return await mutate(ctx, input);
            }
            finally
            {
                ctx.RequestServices!.GetRequiredService<CategoryHierarchy>().Invalidate();
            }
        };

    private static async Task<MutationResult<Category>> CreateAsync(IResolveFieldContext ctx, CreateCategoryInput input)
    {
        var parent = NodeReference.DecodeOptional(input.ParentId, CategoryType.TypeName);
        var parentId = parent?.Id;
        var name = input.Name;
        var slug = input.Slug;
        var position = input.Position;
        var errors = new List<ValidationError>();
        InputValidation.RequiredText(errors, "name", name, NewsDbContext.NameMaxLength);
        if (slug is null)
        {
            InputValidation.SluggableText(errors, "name", name);
        }

        InputValidation.Slug(errors, "slug", slug);
        ValidateDetails(errors, input.Description, position);
        if (errors.Count > 0)
        {
            return MutationResult<Category>.Failure(errors);
        }

        return await InHierarchyTurnAsync(ctx, async db =>
        {
            if (parent is { } known && !await db.Categories.AnyAsync(c => c.Id == known.Id, ctx.CancellationToken))
            {
                return MutationResult<Category>.Failure(NotFound(known.GlobalId));
            }

            var (chosen, error) = await EntityMutationSupport.ChooseSlugAsync(db.Categories.Select(c => c.Slug), slug, name, ctx.CancellationToken);
            if (error is not null)
            {
                return MutationResult<Category>.Failure(error);
            }

            var category = new Category
            {
                Name = name.Trim(),
                Slug = chosen!,
                Description = input.Description,
                ParentId = parentId,
                Position = position ?? await NextPositionAsync(db, parentId, ctx.CancellationToken),
            };
            db.Add(category);
            return await EntityMutationSupport.SaveAsync(db, category, category.Slug, null, ctx.CancellationToken);
        });
    }

    private static async Task<MutationResult<Category>> UpdateAsync(IResolveFieldContext ctx, UpdateCategoryInput input)
    {
        var (globalId, id) = NodeReference.Decode(input.Id, CategoryType.TypeName);
        var parentGlobalId = input.ParentId.Value;
        var parentId = NodeReference.DecodeOptional(parentGlobalId, CategoryType.TypeName)?.Id;
        var name = input.Name.Value;
        var position = input.Position.Value;
        var errors = new List<ValidationError>();
        // An explicit null name is as wrong as an empty one: every category has a name.
        if (input.Name.HasValue)
        {
            InputValidation.RequiredText(errors, "name", name, NewsDbContext.NameMaxLength);
        }

        if (input.Position.HasValue && position is null)
        {
            errors.Add(new ValidationError("position", "`position` cannot be removed; every category has a position."));
        }

        ValidateDetails(errors, input.Description.Value, position);
        if (errors.Count > 0)
        {
            return MutationResult<Category>.Failure(errors);
        }

        // Only a new parent changes the hierarchy; a renamed or moved-among-siblings category needs no turn.
        return await (input.ParentId.HasValue
            ? InHierarchyTurnAsync(ctx, db => UpdateAsync(ctx, db, input, globalId, id, parentId))
            : WithContextAsync(ctx, db => UpdateAsync(ctx, db, input, globalId, id, parentId)));
    }

    private static async Task<MutationResult<Category>> UpdateAsync(
        IResolveFieldContext ctx, NewsDbContext db, UpdateCategoryInput input, string globalId, int id, int? parentId)
    {
        var parentGlobalId = input.ParentId.Value;
        var category = await db.Categories.AsTracking().FirstOrDefaultAsync(c => c.Id == id, ctx.CancellationToken);
        if (category is null)
        {
            return MutationResult<Category>.Failure(NotFound(globalId));
        }

        if (input.ParentId.HasValue && parentId != category.ParentId)
        {
            if (parentId is int newParentId)
            {
                if (!await db.Categories.AnyAsync(c => c.Id == newParentId, ctx.CancellationToken))
                {
                    return MutationResult<Category>.Failure(NotFound(parentGlobalId!));
                }

                // The new parent may not lie in the category's own subtree (itself included): the tree would
                // become a loop that no menu or "articles in this section" query could walk.
                var tree = await CategoryTree.LoadAsync(db, ctx.CancellationToken);
                if (tree.WithDescendants(category.Id).Contains(newParentId))
                {
                    return MutationResult<Category>.Failure(new CategoryCycleError(newParentId == category.Id
                        ? $"The category `{category.Slug}` cannot be its own parent."
                        : $"The category `{parentGlobalId}` is below `{category.Slug}`; it cannot become its parent."));
                }
            }

            category.ParentId = parentId;
        }

        if (input.Name.Value is { } name)
        {
            category.Name = name.Trim();
        }

        if (input.Description.HasValue)
        {
            category.Description = input.Description.Value;
        }

        if (input.Position.Value is int newPosition)
        {
            category.Position = newPosition;
        }

        return await EntityMutationSupport.SaveAsync(db, category, category.Slug, globalId, ctx.CancellationToken);
    }

    private static async Task<MutationResult<Category>> DeleteAsync(IResolveFieldContext ctx, DeleteCategoryInput input)
    {
        var (globalId, id) = NodeReference.Decode(input.Id, CategoryType.TypeName);
        return await InHierarchyTurnAsync(ctx, db => DeleteAsync(ctx, db, globalId, id));
    }

    private static async Task<MutationResult<Category>> DeleteAsync(IResolveFieldContext ctx, NewsDbContext db, string globalId, int id)
    {
        // Drafts and archived articles count too: they would be orphaned just the same.
        db.WithUnpublished();
        var category = await db.Categories.AsTracking().FirstOrDefaultAsync(c => c.Id == id, ctx.CancellationToken);
        if (category is null)
        {
            return MutationResult<Category>.Failure(NotFound(globalId));
        }

        var notEmpty = await NotEmptyAsync(db, category, ctx.CancellationToken);
        if (notEmpty is not null)
        {
            return MutationResult<Category>.Failure(notEmpty);
        }

        db.Remove(category);
        try
        {
            return await EntityMutationSupport.SaveAsync(db, category, category.Slug, globalId, ctx.CancellationToken);
        }
        catch (DbUpdateException exception) when (ForeignKeyConstraint.IsViolation(exception))
        {
            // An article or subcategory was added between the check and the delete; the restricting key refused.
            await using var fresh = await ctx.CreateNewsDbContextAsync();
            fresh.WithUnpublished();
            return MutationResult<Category>.Failure(await NotEmptyAsync(fresh, category, ctx.CancellationToken)
                ?? new CategoryNotEmptyError(0, 0, $"The category `{category.Slug}` is still in use."));
        }
    }

    /// <summary>
    /// Runs a change of the hierarchy in its turn (see <see cref="HierarchyLock"/>); it commits only when the change
    /// succeeded, and what a failed one wrote is rolled back.
    /// </summary>
    private static async Task<MutationResult<Category>> InHierarchyTurnAsync(IResolveFieldContext ctx, Func<NewsDbContext, Task<MutationResult<Category>>> change)
    {
        await HierarchyLock.WaitAsync(ctx.CancellationToken);
        try
        {
            await using var db = await ctx.CreateNewsDbContextAsync();
            await using var turn = await db.BeginTurnAsync(WriterTurn.CategoryHierarchy, ctx.CancellationToken);
            var result = await change(db);
            if (result.Errors is null)
            {
                await turn.CommitAsync(ctx.CancellationToken);
            }

            return result;
        }
        finally
        {
            HierarchyLock.Release();
        }
    }

    private static async Task<MutationResult<Category>> WithContextAsync(IResolveFieldContext ctx, Func<NewsDbContext, Task<MutationResult<Category>>> change)
    {
        await using var db = await ctx.CreateNewsDbContextAsync();
        return await change(db);
    }

    private static async Task<CategoryNotEmptyError?> NotEmptyAsync(NewsDbContext db, Category category, CancellationToken cancellationToken)
    {
        var articleCount = await db.Articles.CountAsync(a => a.CategoryId == category.Id, cancellationToken);
        var childCount = await db.Categories.CountAsync(c => c.ParentId == category.Id, cancellationToken);
        return articleCount == 0 && childCount == 0
            ? null
            : new CategoryNotEmptyError(articleCount, childCount,
                $"The category `{category.Slug}` still has {articleCount} article(s) and {childCount} subcategory(ies); move them first.");
    }

    private static void ValidateDetails(List<ValidationError> errors, string? description, int? position)
    {
        InputValidation.MaxLength(errors, "description", description, NewsDbContext.SummaryMaxLength);
        if (position < 0)
        {
            errors.Add(new ValidationError("position", "`position` must be 0 or more."));
        }
    }

    /// <summary>A new category goes after its siblings unless the editor placed it.</summary>
    private static async Task<int> NextPositionAsync(NewsDbContext db, int? parentId, CancellationToken cancellationToken) =>
        (await db.Categories.Where(c => c.ParentId == parentId).MaxAsync(c => (int?)c.Position, cancellationToken) ?? 0) + 1;

    private static NotFoundError NotFound(string globalId) => new(globalId, $"No category has the ID `{globalId}`.");
}
