using Microsoft.Data.Sqlite;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Shutdown;

/// <summary>SIGKILL, as an out-of-memory kill or a lost machine does it: nothing the server answered is lost.</summary>
public sealed class ProcessKillTests
{
    [Fact]
    public async Task After_kill_9_a_new_process_on_the_same_file_serves_every_committed_change_from_an_intact_database()
    {
        var databasePath = SqliteFiles.NewPath("kill");
        try
        {
            string slug;
            await using (var first = await NewsGraphProcess.StartAsync(databasePath, EditorServer.Settings()))
            {
                var created = (await first.Http.PostJsonAsync(
                        GraphQLHttp.Request(
                            "mutation($input: CreateAuthorInput!) { createAuthor(input: $input) { author { slug } } }",
                            new { input = new { name = "Kay Killed" } }),
                        configure: r => r.Headers.Add("X-Api-Key", EditorServer.ApiKey)))
                    .SuccessfulData();
                slug = (string)created["createAuthor"]!["author"]!["slug"]!;

                // Answered means committed: the kill comes right after, with no chance to flush or checkpoint anything.
                first.Kill();
                Assert.NotEqual(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            }

            // SQLite recovers from its write-ahead log when the file is next opened.
            await using (var second = await NewsGraphProcess.StartAsync(databasePath))
            {
                var found = (await second.Http.PostJsonAsync(GraphQLHttp.Request("query($slug: String!) { authorBySlug(slug: $slug) { name } }", new { slug })))
                    .SuccessfulData();
                Assert.Equal("Kay Killed", (string?)found["authorBySlug"]?["name"]);
            }

            await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        }
        finally
        {
            SqliteFiles.Delete(databasePath);
        }
    }
}
