using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Data;

public sealed class VisibilityTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly TemporaryNewsDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync(seedSampleData: true);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Readers_never_see_drafts_or_archived_articles()
    {
        await using NewsDbContext db = _database.CreateContext();

        List<ArticleStatus> statuses = await db.Articles.Select(a => a.Status).Distinct().ToListAsync();
        Assert.Equal([ArticleStatus.Published], statuses);
        Assert.Null(await db.Articles.SingleOrDefaultAsync(a => a.Slug == "draft-festival-preview"));
        Assert.Null(await db.Articles.SingleOrDefaultAsync(a => a.Slug == "archived-election-live-blog"));
    }

    [Fact]
    public async Task Editors_see_drafts_and_archived_articles()
    {
        await using NewsDbContext editor = _database.CreateContext(includeUnpublished: true);
        await using NewsDbContext reader = _database.CreateContext();

        int all = await editor.Articles.CountAsync();
        int published = await reader.Articles.CountAsync();

        Assert.InRange(await editor.Articles.CountAsync(a => a.Status == ArticleStatus.Draft), 2, 3);
        Assert.InRange(await editor.Articles.CountAsync(a => a.Status == ArticleStatus.Archived), 1, 2);
        Assert.Equal(all, published + await editor.Articles.CountAsync(a => a.Status != ArticleStatus.Published));
        Assert.Equal(await editor.Articles.IgnoreQueryFilters().CountAsync(), all);
    }

    [Fact]
    public async Task Filter_applies_to_navigations_and_the_join_table()
    {
        await using NewsDbContext reader = _database.CreateContext();
        await using NewsDbContext editor = _database.CreateContext(includeUnpublished: true);

        // The "music" tag is on one published and one draft article.
        Tag readerMusic = await reader.Tags.Include(t => t.Articles).SingleAsync(t => t.Slug == "music");
        Tag editorMusic = await editor.Tags.Include(t => t.Articles).SingleAsync(t => t.Slug == "music");
        Assert.All(readerMusic.Articles, a => Assert.Equal(ArticleStatus.Published, a.Status));
        Assert.True(editorMusic.Articles.Count > readerMusic.Articles.Count);

        int readerJoinRows = await reader.ArticleTags.CountAsync();
        int editorJoinRows = await editor.ArticleTags.CountAsync();
        Assert.True(editorJoinRows > readerJoinRows);

        int readerAuthorArticles = await reader.Authors.Where(a => a.Slug == "daniel-kim").SelectMany(a => a.Articles).CountAsync();
        int editorAuthorArticles = await editor.Authors.Where(a => a.Slug == "daniel-kim").SelectMany(a => a.Articles).CountAsync();
        Assert.True(editorAuthorArticles > readerAuthorArticles);
    }
}
