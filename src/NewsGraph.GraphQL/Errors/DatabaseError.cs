using System.Data.Common;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// What a client is told when the database failed: a fixed message and code in every environment. The provider's
/// message can hold SQL, table names or connection details, so it goes to the log only (no inner exception here,
/// so <see cref="ClientErrorInfoProvider"/> sends no details either).
/// </summary>
public sealed class DatabaseError : ExecutionError
{
    public DatabaseError()
        : base("The database could not complete the request.")
    {
        Code = ServerErrorCodes.DatabaseError;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is a database failure: an ADO.NET provider's <see cref="DbException"/> or EF
    /// Core's <see cref="DbUpdateException"/>, thrown directly or wrapped. Provider-neutral, so it holds for any provider.
    /// </summary>
    public static bool IsDatabaseFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or DbUpdateException)
            {
                return true;
            }
        }

        return false;
    }
}
