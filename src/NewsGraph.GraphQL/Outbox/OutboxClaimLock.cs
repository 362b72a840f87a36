using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsGraph.GraphQL.Data.Concurrency;

namespace NewsGraph.GraphQL.Outbox;

/// <summary>
/// Makes the dispatchers' claims take turns across instances (<see cref="DatabaseTurns"/>). On SQLite the claim is one
/// statement and the database has one writer, so it is atomic as it stands; PostgreSQL runs concurrent statements side
/// by side under READ COMMITTED: two claims could both find no live claim of another instance and both take the same
/// (or neighbouring) messages, and then two instances would send at once, out of order. Only the claim takes a turn,
/// never the sending.
/// </summary>
internal static class OutboxClaimLock
{
    /// <summary>A turn for claiming from <paramref name="db"/>'s outbox table; commit it after the claim.</summary>
    public static Task<IDbContextTransaction> TakeAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTurnAsync(Key(db), cancellationToken);

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
