using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Data.Cancellation;

public static class SqliteInterruptOnCancellationOptionsExtensions
{
    /// <summary>Cancelling the token of a query or SaveChanges stops its running SQLite statement (<see cref="SqliteInterruptOnCancellationInterceptor"/>).</summary>
    public static DbContextOptionsBuilder UseSqliteInterruptOnCancellation(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddInterceptors(SqliteInterruptOnCancellationInterceptor.Instance);
    }
}
