using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Hosting;

namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>
/// The real NewsGraph server on a free loopback port, on a database of its own with the sample data (on the provider
/// under test, <see cref="NewsTestDatabase"/>), and a real HTTP client talking to it.
/// </summary>
public sealed class NewsGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDatabase;

    private NewsGraphServer(WebApplication app, NewsTestDatabase database, bool ownsDatabase, Uri baseAddress, SqlCommandCounter sqlCommands, CapturedLogs logs)
    {
        _app = app;
        Database = database;
        _ownsDatabase = ownsDatabase;
        BaseAddress = baseAddress;
        SqlCommands = sqlCommands;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>Counts the SQL commands the server sends to its database.</summary>
    public SqlCommandCounter SqlCommands { get; }

    /// <summary>What the server logged past its filters (Warning and above by default).</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The server's database.</summary>
    public NewsTestDatabase Database { get; }

    /// <summary>The server's own SQLite file, for tests that change it behind the server's back (SQLite runs only).</summary>
    public string DatabasePath => Database.SqlitePath ?? throw new InvalidOperationException("The server runs on PostgreSQL, not a SQLite file.");

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server. Without <paramref name="database"/> it gets a new database of its own on
    /// <paramref name="provider"/> (the provider under test when null), dropped with it; servers given the same
    /// <paramref name="database"/> share it (the caller disposes it).
    /// </summary>
    public static async Task<NewsGraphServer> StartAsync(
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        NewsTestDatabase? database = null,
        DatabaseProvider? provider = null)
    {
        var ownsDatabase = database is null;
        database ??= await NewsTestDatabase.CreateAsync(provider);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(database.Settings.Select(s => $"--{s.Key}={s.Value}"));
        args.AddRange((settings ?? []).Select(s => $"--{s.Key}={s.Value}"));

        var sqlCommands = new SqlCommandCounter();
        var logs = new CapturedLogs();
        WebApplication? app = null;
        try
        {
            app = NewsGraphApplication.Build([.. args], services =>
            {
                services.AddSingleton<IInterceptor>(sqlCommands);
                services.AddSingleton<ILoggerProvider>(logs);
                configureServices?.Invoke(services);
            });
            await app.StartAsync();
        }
        catch
        {
            // A server that does not start (a test of a bad setting) leaves nothing behind.
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (ownsDatabase)
            {
                await database.DisposeAsync();
            }

            throw;
        }

        return new NewsGraphServer(app, database, ownsDatabase, app.BoundAddress(), sqlCommands, logs);
    }

    /// <summary>POSTs a GraphQL request (asking for <c>application/graphql-response+json</c>) and returns the parsed response.</summary>
    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null) =>
        Http.PostJsonAsync(GraphQLHttp.Request(query, variables, operationName));

    /// <summary>
    /// Waits (bounded) until exactly <paramref name="count"/> subscriptions receive publications: from then on a
    /// publication reaches each of them. The server has no "subscribed" acknowledgement to wait for instead.
    /// </summary>
    public Task WaitForPublicationSubscribersAsync(int count) =>
        Wait.UntilAsync(() => Feed.PublishedSubscriberCount == count, $"{count} subscription(s) to publications");

    /// <summary>Waits (bounded) until exactly <paramref name="count"/> subscriptions receive article updates.</summary>
    public Task WaitForUpdateSubscribersAsync(int count) =>
        Wait.UntilAsync(() => Feed.UpdatedSubscriberCount == count, $"{count} subscription(s) to article updates");

    private ArticleEventsFeed Feed => Services.GetRequiredService<ArticleEventsFeed>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
