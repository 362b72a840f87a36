using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Auth;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Data;

namespace NewsGraph.Server.Tests.Visibility;

/// <summary>The one route from who asks to what a database context shows.</summary>
public sealed class RequestViewerTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly TemporaryNewsDatabase _database = new();

    private static ClaimsPrincipal Editor => new(new ClaimsIdentity([new Claim(ClaimTypes.Role, NewsRoles.Editor)], "test"));

    public Task InitializeAsync() => _database.InitializeAsync(seedSampleData: true);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_viewer_decides_once_what_the_scope_s_contexts_show()
    {
        var editor = Editor;
        var viewer = new RequestViewer();
        await using (var unidentified = viewer.Show(_database.CreateContext()))
        {
            Assert.False(unidentified.IncludeUnpublished);
        }

        viewer.Identify(editor);
        viewer.Identify(editor);
        await using (var db = viewer.Show(_database.CreateContext()))
        {
            Assert.True(db.IncludeUnpublished);
            Assert.Contains(await db.Articles.Select(a => a.Status).ToListAsync(), s => s == ArticleStatus.Draft);
        }

        // A scope belongs to one user: a second one is a bug, never a silent change of what is shown.
        Assert.Throws<InvalidOperationException>(() => viewer.Identify(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Throws<InvalidOperationException>(() => viewer.Identify(Editor));
        Assert.Same(editor, viewer.User);
    }

    [Fact]
    public async Task A_reader_s_contexts_show_published_articles_only()
    {
        var viewer = new RequestViewer();
        viewer.Identify(new ClaimsPrincipal(new ClaimsIdentity()));

        await using var db = viewer.Show(_database.CreateContext());

        Assert.False(db.IncludeUnpublished);
        Assert.All(await db.Articles.Select(a => a.Status).ToListAsync(), s => Assert.Equal(ArticleStatus.Published, s));
    }
}
