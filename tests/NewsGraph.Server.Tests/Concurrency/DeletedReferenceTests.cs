using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Mutations;

namespace NewsGraph.Server.Tests.Concurrency;

/// <summary>
/// An author deleted by another editor between an article write's look-up and its save: the foreign key refuses the
/// save, and the editor gets the NotFoundError a moment later's look-up would have given, not a database error.
/// </summary>
public sealed class DeletedReferenceTests
{
    [Fact]
    public async Task An_author_deleted_while_an_article_is_created_for_them_is_a_not_found_error()
    {
        var deleteAuthor = new DeleteAuthorBeforeSave();
        await using var editor = await EditorServer.StartAsync(configureServices: services => services.AddSingleton<IInterceptor>(deleteAuthor));
        var author = await editor.MutateAsync("createAuthor", "CreateAuthorInput", new { name = "Short-Lived Contributor" }, "author { id }");
        var authorId = (string)author["author"]!["id"]!;
        var categoryId = (string)(await editor.EditAsync("{ categories(first: 1) { nodes { id } } }")).SuccessfulData()["categories"]!["nodes"]![0]!["id"]!;
        var before = await editor.DatabaseAsync(db => db.Articles.CountAsync());

        deleteAuthor.Armed = true;
        var payload = await editor.MutateAsync(
            "createArticle", "CreateArticleInput", new { title = "Orphaned", body = "B", authorId, categoryId },
            "article { id } errors { __typename ... on NotFoundError { id message } }");

        Assert.True(deleteAuthor.Deleted, "the author was not deleted before the save");
        Assert.Null(payload["article"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("NotFoundError", (string?)error["__typename"]);
        Assert.Equal(authorId, (string?)error["id"]);
        Assert.Equal(before, await editor.DatabaseAsync(db => db.Articles.CountAsync()));
    }

    /// <summary>Once armed, deletes the author of the article being saved, through the same connection, just before the save.</summary>
    private sealed class DeleteAuthorBeforeSave : SaveChangesInterceptor
    {
        public volatile bool Armed;

        public bool Deleted { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context is NewsDbContext db && db.ChangeTracker.Entries<Article>().FirstOrDefault(e => e.State == EntityState.Added) is { } added)
            {
                Armed = false;
                var authorId = added.Entity.Author.Id;
                // Another editor's delete, committed before this save (its own statement, outside this save's transaction).
                await db.Database.ExecuteSqlAsync($"DELETE FROM \"Authors\" WHERE \"Id\" = {authorId}", cancellationToken);
                Deleted = true;
            }

            return result;
        }
    }
}
