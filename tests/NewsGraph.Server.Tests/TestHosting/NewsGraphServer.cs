using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        var databasePath = Path.Combine(Path.GetTempPath(), $"newsgraph-test-{Guid.NewGuid():N}.db");
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

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NewsGraphServer(app, databasePath, new Uri(address), sqlCommands, logs);
    }

    /// <summary>POSTs a GraphQL request and returns the parsed response body.</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = JsonSerializer.SerializeToNode(variables);
        }

        if (operationName is not null)
        {
            body["operationName"] = operationName;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonNode.Parse(text)!.AsObject(), text);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteFiles.Delete(DatabasePath);
    }
}
