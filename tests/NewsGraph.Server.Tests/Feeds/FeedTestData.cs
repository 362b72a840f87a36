using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.EndToEnd;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Feeds;

/// <summary>What the feed tests compare against — read from the database in memory, not through the server's queries — and the parser run.</summary>
internal static class FeedTestData
{
    private const string ResultPrefix = "RESULT ";

    public sealed record PublishedArticle(int Id, string Slug, string Title, DateTime PublishedAt, DateTime UpdatedAt, string AuthorSlug, string AuthorName, int CategoryId, string CategoryName);

    /// <summary>Every published article, newest first (PublishedAt, then Id, descending), ordered here in memory.</summary>
    public static async Task<IReadOnlyList<PublishedArticle>> PublishedAsync(NewsTestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.Set<Article>().IgnoreQueryFilters()
            .Select(a => new { a.Id, a.Slug, a.Title, a.Status, a.PublishedAt, a.UpdatedAt, AuthorSlug = a.Author.Slug, AuthorName = a.Author.Name, a.CategoryId, CategoryName = a.Category.Name })
            .ToListAsync();
        return [.. rows
            .Where(r => r.Status == ArticleStatus.Published)
            .Select(r => new PublishedArticle(r.Id, r.Slug, r.Title, r.PublishedAt!.Value, r.UpdatedAt, r.AuthorSlug, r.AuthorName, r.CategoryId, r.CategoryName))
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)];
    }

    /// <summary>The ids of the category named <paramref name="slug"/> and of every category below it.</summary>
    public static async Task<IReadOnlySet<int>> CategorySubtreeAsync(NewsTestDatabase database, string slug)
    {
        await using var db = database.CreateContext();
        var categories = await db.Set<Category>().Select(c => new { c.Id, c.ParentId, c.Slug }).ToListAsync();
        var ids = new HashSet<int> { categories.Single(c => c.Slug == slug).Id };
        while (categories.Where(c => c.ParentId is int parent && ids.Contains(parent) && !ids.Contains(c.Id)).Select(c => c.Id).ToList() is { Count: > 0 } more)
        {
            ids.UnionWith(more);
        }

        return ids;
    }

    /// <summary>Changes one article (any status) behind the server's back.</summary>
    public static async Task UpdateArticleAsync(NewsTestDatabase database, string slug, Action<Article> change)
    {
        await using var db = database.CreateContext();
        var article = await db.Set<Article>().IgnoreQueryFilters().AsTracking().SingleAsync(a => a.Slug == slug);
        change(article);
        await db.SaveChangesAsync();
    }

    /// <summary>Parses the feed at <paramref name="url"/> with feedsmith (tests/e2e/feed-parse.mjs).</summary>
    public static Task<JsonNode> ParseUrlAsync(Uri url) => RunParserAsync(["--url", url.AbsoluteUri]);

    /// <summary>Parses a feed document the test fetched itself.</summary>
    public static async Task<JsonNode> ParseDocumentAsync(string document)
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsgraph-feed-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, document);
        try
        {
            return await RunParserAsync(["--file", path]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<JsonNode> RunParserAsync(string[] arguments)
    {
        var run = await NodeScript.RunAsync("feed-parse.mjs", arguments, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, $"feed-parse.mjs exited with {run.ExitCode}:\n{run.Output}");
        var line = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        return JsonNode.Parse(line[ResultPrefix.Length..])!;
    }

    public static IReadOnlyList<JsonNode> Items(JsonNode feed) => [.. feed["items"]!.AsArray().Select(i => i!)];

    public static string? Text(JsonNode item, string property) => (string?)item[property];
}
