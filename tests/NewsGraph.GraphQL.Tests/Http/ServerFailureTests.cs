using System.Net;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Tests.TestHosting;

namespace NewsGraph.GraphQL.Tests.Http;

/// <summary>Failures of the server itself and of the connection; each test runs its own server.</summary>
public sealed class ServerFailureTests
{
    [Fact]
    public async Task Unexpected_exception_is_a_logged_500_with_a_json_error()
    {
        var executer = new ThrowOnceDocumentExecuter();
        await using var server = await GraphQLTestServer.StartAsync(services => services.AddSingleton<IDocumentExecuter>(executer));
        using var client = server.CreateClient();

        var failed = await client.PostQueryAsync("{ hello }", MediaTypes.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(MediaTypes.GraphQLResponseJsonUtf8, failed.ContentType);
        Assert.Equal("INTERNAL_SERVER_ERROR", failed.FirstErrorCode);
        Assert.DoesNotContain("executer exploded", failed.Text, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "executer exploded");

        var next = await client.PostQueryAsync("{ hello }");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Client_disconnect_is_not_logged_as_an_error()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var client = server.CreateClient();

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostQueryAsync("{ slow }", cancellationToken: cts.Token));
        }

        // The aborted request is logged at debug level, once it has been noticed.
        await server.Logs.WaitForAsync(e => e.Category == typeof(GraphQLHttpMiddleware).FullName, "the aborted request");
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Error);

        var next = await client.PostQueryAsync("{ hello }");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Get_can_be_disabled()
    {
        await using var server = await GraphQLTestServer.StartAsync(configureHttp: o => o.EnableGetRequests = false);
        using var client = server.CreateClient();

        var response = await client.GetGraphQLAsync([new("query", "{ hello }")]);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.ContentHeaders.Allow);
    }

    [Fact]
    public async Task Many_parallel_requests_are_served()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var client = server.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            i % 3 == 0
                ? client.PostRawAsync("{ broken", "application/json")
                : client.PostGraphQLAsync(new { query = "query($t: String!) { echo(text: $t) }", variables = new { t = $"n{i}" } })));

        for (var i = 0; i < responses.Length; i++)
        {
            if (i % 3 == 0)
            {
                Assert.Equal(HttpStatusCode.BadRequest, responses[i].StatusCode);
            }
            else
            {
                Assert.Equal($"n{i}", (string?)responses[i].Data!["echo"]);
            }
        }
    }

    /// <summary>Fails the first execution as an engine bug would, then behaves normally.</summary>
    private sealed class ThrowOnceDocumentExecuter : IDocumentExecuter
    {
        private readonly DocumentExecuter _inner = new();
        private int _calls;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options)
            => Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("executer exploded")
                : _inner.ExecuteAsync(options);
    }
}
