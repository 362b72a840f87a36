using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>A SQL command as EF Core sent it: text plus the parameter values needed to re-run it under EXPLAIN.</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<CapturedParameter> Parameters);

internal sealed record CapturedParameter(string Name, object? Value);

/// <summary>
/// Records the reader commands EF Core executes while <see cref="Capture"/> is open. Registered in the server's
/// DI as an <see cref="IInterceptor"/>, so it sees exactly the SQL the GraphQL resolvers send; closed during
/// timing so it adds nothing to the measured path but a volatile read.
/// </summary>
internal sealed class SqlCapture : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedCommand> _commands = new();
    private volatile bool _enabled;

    /// <summary>Runs <paramref name="action"/> and returns the commands it caused, in execution order.</summary>
    public async Task<IReadOnlyList<CapturedCommand>> Capture(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _commands.Clear();
        _enabled = true;
        try
        {
            await action();
        }
        finally
        {
            _enabled = false;
        }

        return [.. _commands];
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        if (!_enabled)
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new CapturedParameter(p.ParameterName, p.Value is DBNull ? null : p.Value))
            .ToList();
        _commands.Enqueue(new CapturedCommand(command.CommandText, parameters));
    }
}
