using GraphQL;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>
/// The save step shared by the author, category and tag mutations: a unique-index violation (a concurrent writer
/// took the slug) becomes a <see cref="SlugTakenError"/>; a row deleted meanwhile becomes a <see cref="NotFoundError"/>.
/// </summary>
internal static class EntityMutationSupport
{
    public static async Task<MutationResult<T>> SaveAsync<T>(NewsDbContext db, T entity, string slug, string? globalId, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return entity;
        }
        catch (DbUpdateConcurrencyException) when (globalId is not null)
        {
            return MutationResult<T>.Failure(new NotFoundError(globalId, $"Nothing has the ID `{globalId}` any more."));
        }
        catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
        {
            return MutationResult<T>.Failure(new SlugTakenError(slug, $"The slug `{slug}` is already in use."));
        }
    }

    /// <summary>The explicit slug, checked, or one generated from <paramref name="name"/> and made unique.</summary>
    public static async Task<(string? Slug, IMutationError? Error)> ChooseSlugAsync(
        IQueryable<string> existing, string? explicitSlug, string name, CancellationToken cancellationToken)
    {
        if (explicitSlug is null)
        {
            return (await Slugs.UniqueAsync(existing, Slugs.From(name), cancellationToken), null);
        }

        return await existing.AnyAsync(s => s == explicitSlug, cancellationToken)
            ? (null, new SlugTakenError(explicitSlug, $"The slug `{explicitSlug}` is already in use."))
            : (explicitSlug, null);
    }

    public static DateTime Now(this IResolveFieldContext ctx) =>
        ((TimeProvider)ctx.RequestServices!.GetService(typeof(TimeProvider))!).GetUtcNow().UtcDateTime;
}
