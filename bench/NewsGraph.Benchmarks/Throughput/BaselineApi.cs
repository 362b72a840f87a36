using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsGraph.Server.Data;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// The baseline NewsGraph is measured against: a minimal ASP.NET Core API over the server's own EF Core context and
/// SQLite settings, one endpoint per workload, each one untracked projection query and a hand-written JSON writer.
/// What a team without GraphQL would write for the same pages, so the ratio is the price of the GraphQL layer.
/// </summary>
internal static class BaselineApi
{
    public static async Task<int> RunAsync(string databasePath, string urls, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = $"Data Source={databasePath}",
        });
        builder.Services.AddNewsData(builder.Configuration);

        await using var app = builder.Build();
        app.MapGet("health/live", () => Results.Ok());
        app.MapGet(BaselineRoutes.FrontPage, async (NewsDbContext db, HttpResponse response, CancellationToken requestAborted) =>
            await BaselineJson.WriteTeasersAsync(response, "articles", await BaselineQueries.FrontPageAsync(db, requestAborted), requestAborted));
        app.MapGet(BaselineRoutes.CategoryPage, async (string slug, NewsDbContext db, HttpResponse response, CancellationToken requestAborted) =>
            await BaselineJson.WriteTeasersAsync(response, "recentArticles", await BaselineQueries.CategoryPageAsync(db, slug, requestAborted), requestAborted));
        app.MapGet(BaselineRoutes.ArticlePage, async (string slug, NewsDbContext db, HttpResponse response, CancellationToken requestAborted) =>
            await BaselineJson.WriteArticlePageAsync(response, await BaselineQueries.ArticlePageAsync(db, slug, requestAborted), requestAborted));
        app.MapGet(BaselineRoutes.PageAfter, async (string after, NewsDbContext db, HttpResponse response, CancellationToken requestAborted) =>
        {
            if (!BaselineCursor.TryDecode(after, out var publishedAt, out var id))
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await BaselineJson.WriteTeasersAsync(response, "articles", await BaselineQueries.PageAfterAsync(db, publishedAt, id, requestAborted), requestAborted);
        });
        app.MapGet(BaselineRoutes.TitleSearch, async (string title, NewsDbContext db, HttpResponse response, CancellationToken requestAborted) =>
            await BaselineJson.WriteTeasersAsync(response, "articles", await BaselineQueries.TitleSearchAsync(db, title, requestAborted), requestAborted));

        await app.StartAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
