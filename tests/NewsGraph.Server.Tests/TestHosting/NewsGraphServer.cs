using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Hosting;

namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>
/// The real NewsGraph server on a free loopback port, on its own SQLite file with the sample data,
/// and a real HTTP client talking to it.
/// </summary>
public sealed class NewsGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NewsGraphServer(WebApplication app, string databasePath, Uri baseAddress, SqlCommandCounter sqlCommands, CapturedLogs logs)
    {
        _app = app;
        DatabasePath = databasePath;
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

    /// <summary>The server's own SQLite file, for tests that change it behind the server's back.</summary>
    public string DatabasePath { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<NewsGraphServer> StartAsync(
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var databasePath = SqliteFiles.NewPath("test");
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--ConnectionStrings:News=Data Source={databasePath}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange((settings ?? []).Select(s => $"--{s.Key}={s.Value}"));

        var sqlCommands = new SqlCommandCounter();
        var logs = new CapturedLogs();
        var app = NewsGraphApplication.Build([.. args], services =>
        {
            services.AddSingleton<IInterceptor>(sqlCommands);
            services.AddSingleton<ILoggerProvider>(logs);
            configureServices?.Invoke(services);
        });
        await app.StartAsync();

        return new NewsGraphServer(app, databasePath, app.BoundAddress(), sqlCommands, logs);
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
        SqliteFiles.Delete(DatabasePath);
    }
}
