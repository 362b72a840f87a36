using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Filtering;

/// <summary>
/// The test oracle: the server's database read directly through EF Core as an editor (drafts and
/// archived included), with relations loaded, so that expectations are computed in memory with
/// LINQ to Objects instead of by the filter, sort and paging code under test.
/// </summary>
internal static class Catalogue
{
    public static async Task<IReadOnlyList<Article>> AllArticlesAsync(NewsGraphServer server)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.WithUnpublished();
        return await db.Articles
            .Include(a => a.Author)
            .Include(a => a.Category).ThenInclude(c => c.Parent)
            .Include(a => a.Tags)
            .AsNoTracking()
            .ToListAsync();
    }

    public static async Task<IReadOnlyList<Article>> PublishedArticlesAsync(NewsGraphServer server) =>
        [.. (await AllArticlesAsync(server)).Where(a => a.Status == ArticleStatus.Published)];

    public static async Task<IReadOnlyList<Article>> UnpublishedArticlesAsync(NewsGraphServer server) =>
        [.. (await AllArticlesAsync(server)).Where(a => a.Status != ArticleStatus.Published)];

    public static async Task<IReadOnlyList<Author>> AuthorsAsync(NewsGraphServer server)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Authors.AsNoTracking().ToListAsync();
    }

    public static async Task<IReadOnlyList<Category>> CategoriesAsync(NewsGraphServer server)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Categories.AsNoTracking().ToListAsync();
    }

    public static async Task<IReadOnlyList<Tag>> TagsAsync(NewsGraphServer server)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Tags.AsNoTracking().ToListAsync();
    }

    /// <summary>Hot Chocolate's global ID: base64 of <c>Type:id</c>.</summary>
    public static string GlobalId(string typeName, int id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{typeName}:{id}")));

    /// <summary>Hot Chocolate's legacy (v13) global ID: base64 of <c>Type\ni&lt;id&gt;</c>.</summary>
    public static string LegacyGlobalId(string typeName, int id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{typeName}\ni{id}")));

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string[] Strings(JsonNode? array, string property) =>
        [.. (array ?? throw new Xunit.Sdk.XunitException($"Expected a list of objects with `{property}`.")).AsArray()
            .Select(n => n![property]!.GetValue<string>())];
}
