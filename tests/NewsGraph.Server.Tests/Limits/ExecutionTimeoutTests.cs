using System.Diagnostics;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>
/// The execution timeout bounds the work, not only the wait: a slow database statement is stopped when the timeout
/// elapses, the client gets HC0045, and other requests are served meanwhile.
/// </summary>
public sealed class ExecutionTimeoutTests
{
    // Folds every published body (~40 rows at a second each) and finds nothing: about 40 s if nothing stops it.
    private const string SlowSearch = """query SlowSearch { articles(where: { body: { contains: "zzzz-not-there" } }) { nodes { title } } }""";
    private const string Trivial = "{ articles(first: 1) { nodes { title } } }";
    private const string TimeoutMessage = "The request exceeded the configured timeout of `00:00:01`.";

    // Far below the ~40 s the statement takes uninterrupted, far above the 1 s timeout: no machine is that slow.
    private static readonly TimeSpan GenerousBound = TimeSpan.FromSeconds(20);

    [Fact]
    [Trait("Provider", "Sqlite")] // SlowCaseFolding replaces SQLite's casefold function
    public async Task A_slow_statement_is_stopped_at_the_timeout_with_HC0045_while_a_trivial_query_is_answered()
    {
        var slowFolding = new SlowCaseFolding();
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:ExecutionTimeout", "00:00:01")], slowFolding.AddTo);
        var clock = Stopwatch.StartNew();

        var slow = server.PostAsync(SlowSearch);
        await slowFolding.Running.WaitAsync(GenerousBound);
        (await server.PostAsync(Trivial)).SuccessfulData();
        var trivialAnswered = clock.Elapsed;

        var timedOut = await slow.WaitAsync(GenerousBound);
        var slowAnswered = clock.Elapsed;
        Assert.Equal("HC0045", timedOut.SingleErrorCode());
        Assert.Equal(TimeoutMessage, timedOut.Errors![0]!["message"]!.GetValue<string>());
        Assert.Null(timedOut.Data);
        Assert.True(trivialAnswered < slowAnswered, $"the trivial query ({trivialAnswered}) waited for the slow one ({slowAnswered})");

        // The statement was interrupted, not left to fold the remaining rows after the answer went out.
        var callsAtAnswer = slowFolding.Calls;
        await Task.Delay(SlowCaseFolding.Delay * 3);
        Assert.True(slowFolding.Calls <= callsAtAnswer + 1, $"the statement went on: {callsAtAnswer} calls at the answer, {slowFolding.Calls} later");
        (await server.PostAsync(Trivial)).SuccessfulData();
    }

    [Fact]
    [Trait("Provider", "Sqlite")] // SlowCaseFolding replaces SQLite's casefold function
    public async Task Parallel_slow_queries_all_get_HC0045_and_no_connection_is_dropped()
    {
        var slowFolding = new SlowCaseFolding();
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:ExecutionTimeout", "00:00:01")], slowFolding.AddTo);

        // A dropped connection would fail its request with an HttpRequestException.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.PostAsync(SlowSearch))).WaitAsync(GenerousBound);

        Assert.All(responses, response => Assert.Equal("HC0045", response.SingleErrorCode()));
        (await server.PostAsync(Trivial)).SuccessfulData();
    }
}
