using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsGraph.GraphQL.Data.Cancellation;

/// <summary>
/// Stops a running SQLite statement when the token its connection was opened with is cancelled (a request's
/// timeout or abort). Microsoft.Data.Sqlite runs every statement synchronously and looks at the token only before
/// it starts (<c>SqliteCommand.Cancel</c> does nothing, dotnet/efcore#38757), so without this a slow scan holds a
/// thread and a core to its end after the request was given up. <c>sqlite3_interrupt</c> makes the statement fail
/// with <c>SQLITE_INTERRUPT</c> at its next step.
/// </summary>
/// <remarks>
/// EF Core opens the connection with the token of the query or SaveChanges it runs and closes it when the results are
/// read, so the registration spans the whole statement, reading included. It is removed before the connection closes
/// (removal waits for a running callback), so an interrupt never reaches a pooled handle that serves someone else.
/// </remarks>
public sealed class SqliteInterruptOnCancellationInterceptor : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<DbConnection, OpenConnection> _registrations = [];

    public static SqliteInterruptOnCancellationInterceptor Instance { get; } = new();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            Unregister(connection);
            var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static state => Interrupt((SqliteConnection)state!), sqlite)
                : default;
            // While it is open the connection's statements run synchronously on the thread that opened it.
            _registrations.AddOrUpdate(connection, new OpenConnection(registration, BlockingWorkCompensation.Shared.Begin()));
        }

        return Task.CompletedTask;
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Unregister(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Unregister(connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Unregister(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Unregister(connection);
        return ValueTask.FromResult(result);
    }

    private static void Interrupt(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }

    private void Unregister(DbConnection connection)
    {
        if (_registrations.TryGetValue(connection, out var open))
        {
            _registrations.Remove(connection);
            open.Registration.Dispose();
            open.BlockingWork.Dispose();
        }
    }

    private sealed record OpenConnection(CancellationTokenRegistration Registration, IDisposable BlockingWork);
}
