using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>Resolver plumbing shared by the feature folders.</summary>
internal static class ResolveFieldContextExtensions
{
    /// <summary>
    /// A short-lived context for one resolver or one loader batch. The query strategy runs resolvers in
    /// parallel and a DbContext is not thread-safe, so nothing shares one.
    /// </summary>
    public static Task<NewsDbContext> CreateNewsDbContextAsync(this IResolveFieldContext context) =>
        context.RequestServices!.CreateNewsDbContextAsync(context.CancellationToken);

    public static Task<NewsDbContext> CreateNewsDbContextAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken);

    public static TLoader Loader<TLoader>(this IResolveFieldContext context)
        where TLoader : notnull =>
        context.RequestServices!.GetRequiredService<TLoader>();
}
