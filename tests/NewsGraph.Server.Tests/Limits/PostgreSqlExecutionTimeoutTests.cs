using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>
/// On PostgreSQL the execution timeout bounds the database's work too: the request's cancellation makes Npgsql cancel
/// the running statement on the server, so it does not go on scanning after the client had its HC0045.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlExecutionTimeoutTests
{
    // Folds every published body at a second a row (the upper() below) and finds nothing: ~40 s if nothing stops it.
    private const string SlowSearch = """query SlowSearch { articles(where: { body: { contains: "zzzz-not-there" } }) { nodes { title } } }""";

    private static readonly TimeSpan GenerousBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_slow_statement_is_cancelled_in_the_database_at_the_timeout_with_HC0045()
    {
        await using var database = await NewsTestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        // An upper() of the test's own that takes a second per row: the server's connections search `public` before
        // `pg_catalog`, so the case-insensitive filter calls it instead of PostgreSQL's. The shape of a real long scan.
        await database.ExecuteAsync("""
            CREATE FUNCTION public.upper(value text) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_sleep(1);
                RETURN pg_catalog.upper(value);
            END $$
            """);
        await using var server = await NewsGraphServer.StartAsync(
            [
                new("GraphQL:Limits:ExecutionTimeout", "00:00:01"),
                new($"ConnectionStrings:{DatabaseSettings.ConnectionStringName}", database.ConnectionString + ";Search Path=public,pg_catalog"),
            ],
            database: database);

        var timedOut = await server.PostAsync(SlowSearch).WaitAsync(GenerousBound);

        Assert.Equal("HC0045", timedOut.SingleErrorCode());
        Assert.Null(timedOut.Data);
        // Cancelled in the database, not left to fold the remaining rows (it would run for ~40 s more).
        await Wait.UntilAsync(async () => await RunningSlowStatementsAsync(database) == 0, "the slow statement to stop", GenerousBound / 4);
        (await server.PostAsync("{ articles(first: 1) { nodes { title } } }")).SuccessfulData();
    }

    private static async Task<long> RunningSlowStatementsAsync(NewsTestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Database.SqlQueryRaw<long>(
                "SELECT count(*) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%upper(%' AND pid <> pg_backend_pid()")
            .SingleAsync();
    }
}
