using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Cli;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Data;

namespace NewsGraph.Server.Tests.Cli;

// One class so seeds never run concurrently: Spectre.Console allows one live progress display per console.
public sealed class SeedCommandTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_catalogue_in_two_fresh_databases()
    {
        await using var first = new TemporaryNewsDatabase();
        await using var second = new TemporaryNewsDatabase();

        Assert.Equal(0, await RunAsync("seed", "--articles", "500", "--seed", "7", "--connection", first.ConnectionString));
        Assert.Equal(0, await RunAsync("seed", "--articles", "500", "--seed", "7", "--batch-size", "120", "--connection", second.ConnectionString));

        List<string> firstTitles = await TitlesAsync(first);
        List<string> secondTitles = await TitlesAsync(second);
        Assert.Equal(500, firstTitles.Count);
        Assert.Equal(firstTitles, secondTitles);
    }

    [Fact]
    public async Task Seeded_catalogue_is_realistic_and_mixes_statuses()
    {
        await using var database = new TemporaryNewsDatabase();

        Assert.Equal(0, await RunAsync("seed", "--articles", "500", "--seed", "7", "--connection", database.ConnectionString));

        await using NewsDbContext editor = database.CreateContext(includeUnpublished: true);
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
        await using var database = new TemporaryNewsDatabase();
        await database.InitializeAsync(seedSampleData: true);
        await using (NewsDbContext before = database.CreateContext(includeUnpublished: true))
        {
            int sampleArticles = await before.Articles.CountAsync();

            Assert.Equal(0, await RunAsync("seed", "--articles", "50", "--connection", database.ConnectionString));
            Assert.Equal(0, await RunAsync("seed", "--articles", "50", "--connection", database.ConnectionString));

            await using NewsDbContext after = database.CreateContext(includeUnpublished: true);
            Assert.Equal(sampleArticles + 100, await after.Articles.CountAsync());
            Assert.Equal(9, await after.Categories.CountAsync());
        }
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
        await using var database = new TemporaryNewsDatabase();

        Assert.Equal(0, await RunAsync("migrate", "--connection", database.ConnectionString));

        await using NewsDbContext db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    // --connection is always given, so the commands must not need to build the web app.
    private static Task<int?> RunAsync(params string[] args) =>
        NewsGraphCommandLine.TryRunAsync(args, _ => throw new InvalidOperationException("The app should not be built."), CancellationToken.None);

    private static async Task<List<string>> TitlesAsync(TemporaryNewsDatabase database)
    {
        await using NewsDbContext db = database.CreateContext(includeUnpublished: true);
        return await db.Articles.OrderBy(a => a.Id).Select(a => a.Title).ToListAsync();
    }
}
