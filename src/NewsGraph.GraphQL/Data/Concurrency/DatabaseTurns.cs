using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsGraph.GraphQL.Data.Concurrency;

/// <summary>
/// A transaction in which writers of one kind take turns across every process sharing the database, for work that
/// reads, decides and writes as one step where no constraint could hold the rule. SQLite: the transaction begins with
/// BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), which takes the file's write lock at once, also against other
/// processes. PostgreSQL: concurrent transactions run side by side under READ COMMITTED, so the transaction first takes
/// the transaction-scoped advisory lock <c>key</c>, held until it commits or rolls back; the next writer's statements
/// start after that and see what it committed. The provider is recognised by name, so this library needs no Npgsql.
/// </summary>
public static class DatabaseTurns
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Begins a turn of the writers of <paramref name="key"/>; it ends with the returned transaction.</summary>
    public static async Task<IDbContextTransaction> BeginTurnAsync(this DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(database.ProviderName, NpgsqlProvider, StringComparison.Ordinal))
        {
            return transaction;
        }

        try
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
