using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Data;

public sealed class SampleDataTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly TemporaryNewsDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync(seedSampleData: true);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Real_article_keeps_its_exact_publication_time_and_canonical_url()
    {
        await using NewsDbContext db = _database.CreateContext();

        Article article = await db.Articles
            .Include(a => a.Author).Include(a => a.Category).Include(a => a.Tags)
            .SingleAsync(a => a.Slug == "chinas-xi-jinping-visits-russia");

        Assert.Equal("China's Xi Jinping Visits Russia - Leaders Pledge To Deepen Ties", article.Title);
        Assert.Equal(DateTimeKind.Utc, article.PublishedAt!.Value.Kind);
        Assert.Equal(new DateTime(2023, 3, 21, 5, 2, 21, 739, DateTimeKind.Utc), article.PublishedAt.Value);
        Assert.Equal("2023-03-21T05:02:21.7390000Z", article.PublishedAt.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("https://washingtonindependent.com/chinas-xi-jinping-visits-russia/", article.CanonicalUrl);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal("news", article.Category.Slug);
        Assert.Equal("william-willis", article.Author.Slug);
        Assert.StartsWith("William Willis is a freelance writer and social media manager who", article.Author.Bio, StringComparison.Ordinal);
        Assert.EndsWith("playing video games with his children in his spare time.", article.Author.Bio, StringComparison.Ordinal);
        Assert.StartsWith("On the first day of a state visit", article.Summary, StringComparison.Ordinal);
        Assert.Subset(article.Tags.Select(t => t.Slug).ToHashSet(), new HashSet<string> { "china", "russia", "diplomacy", "ukraine" });
    }

    [Fact]
    public async Task Real_article_body_is_markdown_without_page_furniture()
    {
        await using NewsDbContext db = _database.CreateContext();
        Article article = await db.Articles.SingleAsync(a => a.Slug == "chinas-xi-jinping-visits-russia");

        foreach (string heading in new[]
        {
            "Leaders Pledge To Strengthen Cooperation", "Closer Cooperation In The Face Of Western Pressure",
            "Strengthening Ties In The Belt And Road Initiative", "Final Words",
        })
        {
            Assert.Contains($"\n## {heading}\n", article.Body, StringComparison.Ordinal);
        }

        Assert.Contains("> That President Xi is traveling to Russia", article.Body, StringComparison.Ordinal);
        Assert.Contains("> — Antony Blinken, a senior US official", article.Body, StringComparison.Ordinal);
        Assert.Contains("*\"Dear friends\" Xi and Putin meet in Moscow", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("COPYRIGHT_WI", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Share:", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("About The Authors", article.Body, StringComparison.Ordinal);
        Assert.Equal(TextStatistics.CountWords(article.Body), article.WordCount);
        Assert.Equal((int)Math.Ceiling(article.WordCount / 230.0), article.ReadingTimeMinutes);
    }

    [Fact]
    public async Task Navigation_categories_are_ordered_with_archive_under_news()
    {
        await using NewsDbContext db = _database.CreateContext();

        List<Category> roots = await db.Categories.Where(c => c.ParentId == null).OrderBy(c => c.Position).ToListAsync();
        Category archive = await db.Categories.Include(c => c.Parent).SingleAsync(c => c.Slug == "archive");

        Assert.Equal(
            ["news", "celebrities", "finance", "crypto", "entertainment", "travel", "health", "others"],
            roots.Select(c => c.Slug));
        Assert.Equal("news", archive.Parent?.Slug);
        Assert.All(roots, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }

    [Fact]
    public async Task Catalogue_exercises_ties_breaking_news_and_every_category()
    {
        await using NewsDbContext db = _database.CreateContext();

        var published = await db.Articles.Select(a => new { a.PublishedAt, a.IsBreaking, a.CategoryId, a.AuthorId }).ToListAsync();

        Assert.Contains(published.GroupBy(a => a.PublishedAt), g => g.Count() >= 3);
        Assert.InRange(published.Count(a => a.IsBreaking), 2, 10);
        Assert.Equal(await db.Categories.CountAsync(), published.Select(a => a.CategoryId).Distinct().Count());
        Assert.InRange(published.Select(a => a.AuthorId).Distinct().Count(), 5, 6);
        Assert.InRange(await db.Tags.CountAsync(), 15, 20);
        Assert.All(published, a => Assert.Equal(DateTimeKind.Utc, a.PublishedAt!.Value.Kind));
        Assert.InRange(published.Min(a => a.PublishedAt)!.Value.Year, 2022, 2022);
        Assert.InRange(published.Max(a => a.PublishedAt)!.Value.Year, 2026, 2026);
    }

    [Fact]
    public async Task Catalogue_has_non_ascii_percent_and_underscore_text_for_filters()
    {
        await using NewsDbContext db = _database.CreateContext();
        List<Article> articles = await db.Articles.ToListAsync();

        Assert.Contains(articles, a => a.Title.Contains("Zürich", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Title.Contains("Ørsted", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Title.Contains("São Paulo", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Title.Contains("Café", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Title == "Inflation Hits 7.5% In Q3");
        Assert.Contains(articles, a => a.Body.Contains("snake_case", StringComparison.Ordinal));
    }
}
