using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsGraph.GraphQL.Outbox;

/// <summary>
/// Makes the dispatchers' claims take turns across instances. On SQLite the claim is one statement and the database
/// has one writer, so it is atomic as it stands. PostgreSQL runs concurrent statements side by side under READ COMMITTED:
/// two claims could both find no live claim of another instance and both take the same (or neighbouring) messages, and
/// then two instances would send at once, out of order. There the claim runs in a transaction that first takes a
/// transaction-scoped advisory lock, held until the claim commits; the next claimant's statement starts after that and
/// sees it. Only the claim holds the lock, never the sending.
/// </summary>
internal static class OutboxClaimLock
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// A transaction holding the claim lock of <paramref name="db"/>'s outbox table, to commit after the claim; null on
    /// a database whose writers already take turns (SQLite).
    /// </summary>
    public static async Task<IDbContextTransaction?> TakeAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!string.Equals(db.Database.ProviderName, NpgsqlProvider, StringComparison.Ordinal))
        {
            return null;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var key = Key(db);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The lock's key: the same in every process (string.GetHashCode is not) and one per outbox table, so two outboxes
    /// in one database do not wait for each other. Advisory locks are per database already.
    /// </summary>
    private static long Key(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name}'s model has no outbox (AddTopicEventOutbox).");
        var name = $"NewsGraph.GraphQL.Outbox:{entity.GetSchema()}.{entity.GetTableName()}";
        return BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
    }
}
