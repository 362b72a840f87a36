using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Data;

public sealed class ConstraintTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly TemporaryNewsDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync(seedSampleData: true);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Duplicate_article_slug_is_rejected()
    {
        await using NewsDbContext db = _database.CreateContext(includeUnpublished: true);
        Article existing = await db.Articles.FirstAsync();
        db.Add(new Article
        {
            Slug = existing.Slug,
            Title = "Copy",
            Body = "Copy",
            Status = ArticleStatus.Draft,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            AuthorId = existing.AuthorId,
            CategoryId = existing.CategoryId,
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Duplicate_author_category_and_tag_slugs_are_rejected()
    {
        await using (NewsDbContext db = _database.CreateContext())
        {
            db.Add(new Author { Slug = "william-willis", Name = "Someone Else" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (NewsDbContext db = _database.CreateContext())
        {
            db.Add(new Category { Slug = "news", Name = "News again" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (NewsDbContext db = _database.CreateContext())
        {
            db.Add(new Tag { Slug = "china", Name = "China" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Saving_an_article_bumps_its_version_and_a_stale_copy_is_rejected()
    {
        const string slug = "zurich-votes-on-housing-levy";
        await using NewsDbContext first = _database.CreateContext();
        await using NewsDbContext second = _database.CreateContext();
        Article mine = await first.Articles.AsTracking().SingleAsync(a => a.Slug == slug);
        Article theirs = await second.Articles.AsTracking().SingleAsync(a => a.Slug == slug);
        int original = mine.Version;

        mine.Title = "Zürich Votes On Empty-Flat Levy";
        await first.SaveChangesAsync();
        theirs.Title = "Stale edit";

        Assert.Equal(original + 1, mine.Version);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Timestamps_round_trip_as_utc()
    {
        var local = new DateTime(2024, 2, 29, 23, 30, 0, DateTimeKind.Utc);
        await using (NewsDbContext db = _database.CreateContext())
        {
            Article article = await db.Articles.AsTracking().SingleAsync(a => a.Slug == "mediterranean-diet-study");
            article.UpdatedAt = local;
            await db.SaveChangesAsync();
        }

        await using NewsDbContext reader = _database.CreateContext();
        DateTime read = await reader.Articles.Where(a => a.Slug == "mediterranean-diet-study").Select(a => a.UpdatedAt).SingleAsync();
        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(local, read);
        Assert.True(await reader.Articles.AnyAsync(a => a.UpdatedAt >= local));
    }

    [Fact]
    public async Task Case_folding_is_wired_for_unicode_filters()
    {
        await using NewsDbContext db = _database.CreateContext();
        string folded = CaseFolding.Fold("zürich")!;

        List<string> slugs = await db.Articles.Where(a => CaseFolding.Fold(a.Title)!.Contains(folded)).Select(a => a.Slug).ToListAsync();

        Assert.Contains("zurich-votes-on-housing-levy", slugs);
    }
}
