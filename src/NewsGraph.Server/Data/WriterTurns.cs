using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsGraph.Server.Data;

/// <summary>
/// Work that reads, decides and writes as one step where no constraint could hold the rule (the category tree has no
/// loop): writers of the same kind take turns across every instance sharing the database, so each one decides on what
/// the previous one committed. SQLite: the transaction begins with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default),
/// which takes the file's write lock at once, also against other processes using the file. PostgreSQL: concurrent
/// transactions run side by side under READ COMMITTED, so the transaction first takes an advisory lock of its kind,
/// held until it ends.
/// </summary>
internal static class WriterTurns
{
    /// <summary>Begins the turn of <paramref name="turn"/>'s writers; it ends when the transaction commits or is disposed.</summary>
    public static async Task<IDbContextTransaction> BeginTurnAsync(this NewsDbContext db, WriterTurn turn, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({(long)turn})", cancellationToken);
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }

        return transaction;
    }
}

/// <summary>The kinds of writes that take turns (<see cref="WriterTurns"/>); each value is its PostgreSQL advisory lock key.</summary>
internal enum WriterTurn : long
{
    /// <summary>Creating, re-parenting and deleting categories: the cycle check and the parent checks read the whole tree.</summary>
    CategoryHierarchy = 0x4E47_4341_5454_5245, // "NGCATTRE"
}
