using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Auth;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>Resolver plumbing shared by the feature folders.</summary>
internal static class ResolveFieldContextExtensions
{
    /// <summary>
    /// A short-lived context for one resolver or one loader batch, showing what the current viewer may read
    /// (editors: drafts and archived articles too). The query strategy runs resolvers in parallel and a DbContext
    /// is not thread-safe, so nothing shares one.
    /// </summary>
    public static Task<NewsDbContext> CreateNewsDbContextAsync(this IResolveFieldContext context)
    {
        IdentifyViewer(context);
        return context.RequestServices!.CreateNewsDbContextAsync(context.CancellationToken);
    }

    /// <summary>
    /// The same for code that has only the request's scope (loaders, node resolvers): the viewer comes from the
    /// scope's <see cref="RequestViewer"/>; without one the context shows what a reader sees.
    /// </summary>
    public static async Task<NewsDbContext> CreateNewsDbContextAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken);
        return services.GetService<RequestViewer>()?.Show(db) ?? db;
    }

    /// <summary>Whether the current viewer may see unpublished articles (chooses, for example, the default order).</summary>
    public static bool IncludesUnpublished(this IResolveFieldContext context) => NewsRoles.IsEditor(context.User);

    public static TLoader Loader<TLoader>(this IResolveFieldContext context)
        where TLoader : notnull
    {
        // The loader runs later with the scope only; it must find the viewer there.
        IdentifyViewer(context);
        return context.RequestServices!.GetRequiredService<TLoader>();
    }

    // A subscription event's scope is created by the engine, with no execution start to identify its viewer.
    private static void IdentifyViewer(IResolveFieldContext context) =>
        context.RequestServices?.GetService<RequestViewer>()?.Identify(context.User);
}
