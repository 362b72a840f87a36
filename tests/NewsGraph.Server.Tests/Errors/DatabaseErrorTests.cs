using System.Data.Common;
using Microsoft.Extensions.Logging;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Errors;

/// <summary>A database failure is the server's business: logged once with the operation, never shown to the client.</summary>
public sealed class DatabaseErrorTests
{
    [Fact]
    public async Task A_database_failure_gives_a_generic_error_and_one_error_log_entry_naming_the_operation()
    {
        const string TagCloud = "query TagCloud { tags(first: 5) { nodes { name } } }";
        await using var server = await NewsGraphServer.StartAsync(); // Development: exception details would be shown
        (await server.PostAsync(TagCloud)).SuccessfulData();

        // Behind the server's back, through a connection of the test's own.
        await server.Database.ExecuteAsync("""ALTER TABLE "Tags" RENAME TO "TagsGone" """);

        var failed = await server.PostAsync(TagCloud);

        Assert.Equal("DATABASE_ERROR", failed.SingleErrorCode());
        Assert.Equal("The database could not complete the request.", failed.Errors![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("no such table", failed.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("does not exist", failed.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sqlite", failed.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("postgres", failed.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("npgsql", failed.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SELECT", failed.Text, StringComparison.Ordinal);

        var logged = Assert.Single(server.Logs.AtLeast(LogLevel.Error));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("TagCloud", logged.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<DbException>(logged.Exception);
    }
}
