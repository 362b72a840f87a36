using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Cli;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Cli;

// Seeds never run concurrently: Spectre.Console allows one live progress display per console, so every test class that
// runs the seed command is in the SeedCommandRuns collection.
// Every database is on the provider under test (NewsTestDatabase) unless a test names one.
[Collection(SeedCommandRuns.Name)]
public sealed class SeedCommandTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_catalogue_in_two_fresh_databases()
    {
        await using var first = await NewsTestDatabase.CreateEmptyAsync();
        await using var second = await NewsTestDatabase.CreateEmptyAsync();

        Assert.Equal(0, await RunAsync(["seed", "--articles", "500", "--seed", "7", .. On(first)]));
        Assert.Equal(0, await RunAsync(["seed", "--articles", "500", "--seed", "7", "--batch-size", "120", .. On(second)]));

        List<string> firstTitles = await TitlesAsync(first);
        List<string> secondTitles = await TitlesAsync(second);
        Assert.Equal(500, firstTitles.Count);
        Assert.Equal(firstTitles, secondTitles);
    }

    [Fact]
    [Trait("Provider", "PostgreSQL")] // pins both providers
    public async Task Same_seed_gives_the_same_catalogue_on_SQLite_and_PostgreSQL()
    {
        await using var sqlite = await NewsTestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await using var postgres = await NewsTestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSQL);

        Assert.Equal(0, await RunAsync(["seed", "--articles", "300", "--seed", "11", .. On(sqlite)]));
        Assert.Equal(0, await RunAsync(["seed", "--articles", "300", "--seed", "11", "--batch-size", "70", .. On(postgres)]));

        CatalogueRows onSqlite = await CatalogueRows.ReadAsync(sqlite);
        CatalogueRows onPostgres = await CatalogueRows.ReadAsync(postgres);
        Assert.Equal(300, onSqlite.Articles.Count);
        Assert.Contains(onSqlite.Articles, a => a.PublishedAt is null);
        Assert.Contains(onSqlite.Articles, a => a.HeroImageUrl is null);
        Assert.Equal(onSqlite.Categories, onPostgres.Categories);
        Assert.Equal(onSqlite.Authors, onPostgres.Authors);
        Assert.Equal(onSqlite.Tags, onPostgres.Tags);
        Assert.Equal(onSqlite.Articles, onPostgres.Articles);
        Assert.Equal(onSqlite.ArticleTags, onPostgres.ArticleTags);
    }

    [Fact]
    public async Task Seeded_catalogue_is_realistic_and_mixes_statuses()
    {
        await using var database = await NewsTestDatabase.CreateEmptyAsync();

        Assert.Equal(0, await RunAsync(["seed", "--articles", "500", "--seed", "7", .. On(database)]));

        await using NewsDbContext editor = database.CreateContext().WithUnpublished();
        await using NewsDbContext reader = database.CreateContext();
        Assert.Equal(500, await editor.Articles.CountAsync());
        Assert.True(await reader.Articles.CountAsync() < 500, "some drafts or archived articles are expected");
        Assert.Equal(9, await editor.Categories.CountAsync());
        Assert.True(await editor.Authors.CountAsync() >= 20);
        Assert.InRange(await editor.Tags.CountAsync(), 150, 200);
        Assert.True(await editor.ArticleTags.CountAsync() >= 500);

        var stats = await editor.Articles.Select(a => new { a.WordCount, a.ReadingTimeMinutes, a.Body, a.PublishedAt, a.Status }).ToListAsync();
        Assert.All(stats, a => Assert.InRange(a.WordCount, 280, 1600));
        Assert.All(stats, a => Assert.Equal(Math.Max(1, (int)Math.Ceiling(a.WordCount / 230.0)), a.ReadingTimeMinutes));
        Assert.Contains(stats, a => a.Body.Contains("\n## ", StringComparison.Ordinal));
        Assert.All(stats.Where(a => a.Status == ArticleStatus.Draft), a => Assert.Null(a.PublishedAt));
        var years = stats.Where(a => a.PublishedAt is not null).Select(a => a.PublishedAt!.Value.Year).ToHashSet();
        Assert.True(years.Count >= 5, $"publication years: {string.Join(", ", years)}");
    }

    [Fact]
    public async Task Seeding_appends_to_an_existing_catalogue()
    {
        await using var database = await NewsTestDatabase.CreateEmptyAsync();
        Assert.Equal(0, await RunAsync(["migrate", .. On(database)]));
        await using (NewsDbContext sample = database.CreateContext())
        {
            await SampleData.SeedAsync(sample, CancellationToken.None);
        }

        await using NewsDbContext before = database.CreateContext().WithUnpublished();
        int sampleArticles = await before.Articles.CountAsync();
        int lastSampleId = await before.Articles.MaxAsync(a => a.Id);

        Assert.Equal(0, await RunAsync(["seed", "--articles", "50", .. On(database)]));
        Assert.Equal(0, await RunAsync(["seed", "--articles", "50", .. On(database)]));

        await using NewsDbContext after = database.CreateContext().WithUnpublished();
        Assert.Equal(sampleArticles + 100, await after.Articles.CountAsync());
        Assert.Equal(Enumerable.Range(lastSampleId + 1, 100), await after.Articles.Where(a => a.Id > lastSampleId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal(9, await after.Categories.CountAsync());
    }

    // The seeder gives ids itself; on PostgreSQL that leaves the identity sequences behind unless it moves them.
    [Fact]
    public async Task Rows_created_after_a_seed_get_new_ids()
    {
        await using var database = await NewsTestDatabase.CreateEmptyAsync();
        Assert.Equal(0, await RunAsync(["seed", "--articles", "40", .. On(database)]));

        await using NewsDbContext db = database.CreateContext().WithUnpublished();
        int lastAuthor = await db.Authors.MaxAsync(a => a.Id);
        int lastTag = await db.Tags.MaxAsync(t => t.Id);
        int lastArticle = await db.Articles.MaxAsync(a => a.Id);
        var author = new Author { Slug = "after-the-seed", Name = "After The Seed" };
        var tag = new Tag { Slug = "after-the-seed", Name = "After the seed" };
        var article = new Article
        {
            Slug = "after-the-seed",
            Title = "After the seed",
            Body = "Written by hand.",
            Status = ArticleStatus.Draft,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Version = 1,
            Author = author,
            CategoryId = await db.Categories.MinAsync(c => c.Id),
        };
        article.Tags.Add(tag);
        db.Add(article);

        await db.SaveChangesAsync();

        Assert.True(author.Id > lastAuthor, $"author id {author.Id} after {lastAuthor}");
        Assert.True(tag.Id > lastTag, $"tag id {tag.Id} after {lastTag}");
        Assert.True(article.Id > lastArticle, $"article id {article.Id} after {lastArticle}");
    }

    [Theory]
    [InlineData("seed", "--articles", "-1")]
    [InlineData("seed", "--articles", "0")]
    [InlineData("seed", "--articles", "many")]
    [InlineData("seed")]
    [InlineData("seed", "--articles", "10", "--batch-size", "-5")]
    [InlineData("frobnicate")]
    public async Task Bad_input_gets_a_non_zero_exit_code(params string[] args)
    {
        int? exitCode = await RunAsync(args);

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:0")]
    [InlineData("Logging:LogLevel:Default=Debug")]
    public async Task Server_arguments_are_left_to_the_server(params string[] args)
    {
        Assert.Null(await RunAsync(args));
    }

    [Fact]
    public async Task Migrate_creates_the_schema_and_exits()
    {
        await using var database = await NewsTestDatabase.CreateEmptyAsync();

        Assert.Equal(0, await RunAsync(["migrate", .. On(database)]));

        await using NewsDbContext db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    // --connection is always given, so the commands must not need to build the web app.
    private static Task<int?> RunAsync(params string[] args) =>
        NewsGraphCommandLine.TryRunAsync(args, _ => throw new InvalidOperationException("The app should not be built."), CancellationToken.None);

    private static string[] On(NewsTestDatabase database) =>
        ["--connection", database.ConnectionString, "--provider", database.Provider.ToString()];

    private static async Task<List<string>> TitlesAsync(NewsTestDatabase database)
    {
        await using NewsDbContext db = database.CreateContext().WithUnpublished();
        return await db.Articles.OrderBy(a => a.Id).Select(a => a.Title).ToListAsync();
    }

    /// <summary>Every row the seeder writes, as plain values in id order, so two databases compare with Equal.</summary>
    private sealed record CatalogueRows(
        List<(int Id, string Slug, string Name, int? ParentId)> Categories,
        List<(int Id, string Slug, string Name, string? Bio, string? AvatarUrl)> Authors,
        List<(int Id, string Slug, string Name)> Tags,
        List<CatalogueRows.ArticleRow> Articles,
        List<(int ArticleId, int TagId)> ArticleTags)
    {
        public static async Task<CatalogueRows> ReadAsync(NewsTestDatabase database)
        {
            await using NewsDbContext db = database.CreateContext().WithUnpublished();
            var categories = await db.Categories.OrderBy(c => c.Id).Select(c => new { c.Id, c.Slug, c.Name, c.ParentId }).ToListAsync();
            var authors = await db.Authors.OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug, a.Name, a.Bio, a.AvatarUrl }).ToListAsync();
            var tags = await db.Tags.OrderBy(t => t.Id).Select(t => new { t.Id, t.Slug, t.Name }).ToListAsync();
            var articles = await db.Articles.OrderBy(a => a.Id).ToListAsync();
            var articleTags = await db.ArticleTags.OrderBy(at => at.ArticleId).ThenBy(at => at.TagId).Select(at => new { at.ArticleId, at.TagId }).ToListAsync();
            return new CatalogueRows(
                [.. categories.Select(c => (c.Id, c.Slug, c.Name, c.ParentId))],
                [.. authors.Select(a => (a.Id, a.Slug, a.Name, a.Bio, a.AvatarUrl))],
                [.. tags.Select(t => (t.Id, t.Slug, t.Name))],
                [.. articles.Select(a => new ArticleRow(a))],
                [.. articleTags.Select(at => (at.ArticleId, at.TagId))]);
        }

        /// <summary>An article's columns as a value (the entity compares by reference).</summary>
        internal sealed record ArticleRow(
            int Id, string Slug, string Title, string? Summary, string Body, ArticleStatus Status, bool IsBreaking, DateTime? PublishedAt,
            DateTime CreatedAt, DateTime UpdatedAt, int WordCount, int ReadingTimeMinutes, string? HeroImageUrl, string? CanonicalUrl,
            int Version, int AuthorId, int CategoryId)
        {
            public ArticleRow(Article a)
                : this(a.Id, a.Slug, a.Title, a.Summary, a.Body, a.Status, a.IsBreaking, a.PublishedAt, a.CreatedAt, a.UpdatedAt,
                    a.WordCount, a.ReadingTimeMinutes, a.HeroImageUrl, a.CanonicalUrl, a.Version, a.AuthorId, a.CategoryId)
            {
            }
        }
    }
}
