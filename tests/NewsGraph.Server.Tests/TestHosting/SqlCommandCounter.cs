using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsGraph.Server.Articles;

namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>
/// Counts every SQL query EF Core executes (readers and scalars) and keeps its text, to prove the absence of N+1. The
/// event outbox's and webhook dispatchers' and the scheduled publisher's commands are left out: they run in the
/// background, not for the request under test.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Record(DbCommand command)
    {
        // The event outbox's and the webhooks' dispatchers and the scheduled publisher read their tables in the
        // background, on their own schedule: not the request's work.
        if (command.CommandText.Contains("\"OutboxMessages\"", StringComparison.Ordinal)
            || command.CommandText.Contains("\"WebhookDeliveries\"", StringComparison.Ordinal)
            || command.CommandText.Contains(ScheduledPublisher.QueryTag, StringComparison.Ordinal))
        {
            return;
        }

        lock (_commands)
        {
            _commands.Add(command.CommandText);
        }
    }
}
