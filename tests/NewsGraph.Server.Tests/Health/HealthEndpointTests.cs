using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Tests.Subscriptions;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Without_Redis_configured_the_server_is_live_and_ready()
    {
        await using var server = await NewsGraphServer.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/live")).StatusCode);
        var ready = await server.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_its_articles_table_the_database_serves_no_read_and_the_server_is_unready_but_live()
    {
        await using var server = await NewsGraphServer.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/ready")).StatusCode);

        // Another client of the database renames the table every query reads: the database is still there and opens.
        await server.Database.ExecuteAsync("""ALTER TABLE "Articles" RENAME TO "ArticlesGone" """);

        await AssertUnreadyButLiveAsync(server);
    }

    [Fact]
    public async Task With_a_migration_of_this_build_not_applied_the_server_is_unready_and_the_check_names_it()
    {
        await using var server = await NewsGraphServer.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/ready")).StatusCode);

        // As if the database were older than the build (started with Database:Migrate=false before `migrate` ran):
        // the history no longer lists the newest migration, though every table still reads.
        string newest;
        await using (var db = server.Database.CreateContext())
        {
            newest = (await db.Database.GetAppliedMigrationsAsync()).Max(StringComparer.Ordinal)!;
        }

        await server.Database.ExecuteAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{newest}'""");

        Assert.Null((await server.PostAsync("{ articles(first: 1) { nodes { slug } } }")).Errors);
        var ready = await server.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/live")).StatusCode);

        var report = await server.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var database = report.Entries["database"];
        Assert.Equal(HealthStatus.Unhealthy, database.Status);
        Assert.Equal(
            $"The database lacks 1 migration(s) of this build: {newest}. Apply them (the `migrate` command, or start with Database:Migrate=true).",
            database.Description);
    }

    [Fact]
    [Trait("Provider", "Sqlite")] // a file of its own
    public async Task With_garbage_in_place_of_its_database_file_the_server_is_unready_but_live()
    {
        await using var server = await NewsGraphServer.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/ready")).StatusCode);

        // Everything written so far goes into the main file (the WAL is emptied), then that file is overwritten with
        // bytes that are no database; the server's pooled connections are closed so that every read opens the file.
        await using (var other = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var checkpoint = other.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var garbage = new byte[new FileInfo(server.DatabasePath).Length];
        new Random(9).NextBytes(garbage);
        await File.WriteAllBytesAsync(server.DatabasePath, garbage);
        SqliteConnection.ClearAllPools();

        await AssertUnreadyButLiveAsync(server);
    }

    [Fact]
    public async Task With_Redis_down_the_server_serves_queries_is_unready_and_delivers_once_Redis_appears()
    {
        await using var redis = RedisServer.Reserve();
        await using var server = await NewsGraphServer.StartAsync(new Dictionary<string, string>
        {
            ["Redis:Configuration"] = redis.Configuration + ",connectTimeout=1000",
        });

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/live")).StatusCode);
        var ready = await server.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        var query = await server.PostAsync("{ articles(first: 1) { nodes { slug } } }");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);

        using var probe = await SubscriptionProbe.StartAsync(server.Services, "subscription { onBreakingNews { slug } }");
        await redis.StartProcessAsync();

        await Wait.UntilAsync(
            async () =>
            {
                using var response = await server.Http.GetAsync("/health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            },
            "/health/ready to be healthy after Redis started",
            TimeSpan.FromSeconds(60));

        var id = await SubscriptionProbe.ArticleIdAsync(server.Services, "swiss-bank-rescue-weekend");
        await EditorWorkflow.PublishAsync(server.Services, id, isBreaking: true);
        Assert.Equal("swiss-bank-rescue-weekend", (string?)(await probe.NextArticleAsync("onBreakingNews"))["slug"]);
    }

    /// <summary>Queries fail, so readiness must say so; liveness runs no check and stays 200.</summary>
    private static async Task AssertUnreadyButLiveAsync(NewsGraphServer server)
    {
        var query = await server.PostAsync("{ articles(first: 1) { nodes { slug } } }");
        Assert.NotNull(query.Errors);

        var ready = await server.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/live")).StatusCode);
    }
}
