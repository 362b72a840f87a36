using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>Registers <see cref="CaseFolding.Fold"/> as the SQLite function <c>casefold</c> on every connection EF Core opens.</summary>
public sealed class SqliteCaseFoldingInterceptor : DbConnectionInterceptor
{
    public static SqliteCaseFoldingInterceptor Instance { get; } = new();

    /// <summary>For connections EF Core does not open itself (e.g. a kept-open <c>:memory:</c> connection).</summary>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction<string?, string?>(CaseFolding.SqliteFunctionName, CaseFolding.Fold, isDeterministic: true);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            Register(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
