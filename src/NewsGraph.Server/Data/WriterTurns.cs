using Microsoft.EntityFrameworkCore.Storage;
using NewsGraph.GraphQL.Data.Concurrency;

namespace NewsGraph.Server.Data;

/// <summary>
/// The news application's writers that take turns across instances (<see cref="DatabaseTurns"/>): work that reads,
/// decides and writes as one step where no constraint could hold the rule (the category tree has no loop).
/// </summary>
internal static class WriterTurns
{
    /// <summary>Begins the turn of <paramref name="turn"/>'s writers; it ends when the transaction commits or is disposed.</summary>
    public static Task<IDbContextTransaction> BeginTurnAsync(this NewsDbContext db, WriterTurn turn, CancellationToken cancellationToken) =>
        db.Database.BeginTurnAsync((long)turn, cancellationToken);
}

/// <summary>The kinds of writes that take turns (<see cref="WriterTurns"/>); each value is its PostgreSQL advisory lock key.</summary>
internal enum WriterTurn : long
{
    /// <summary>Creating, re-parenting and deleting categories: the cycle check and the parent checks read the whole tree.</summary>
    CategoryHierarchy = 0x4E47_4341_5454_5245, // "NGCATTRE"
}
