using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's unhandled-exception hook for one request. An exception thrown after the execution was cancelled is
/// the cancellation's doing, whatever its type (a provider reports an interrupted statement in its own way, e.g.
/// SQLite's <c>SQLITE_INTERRUPT</c>), so it only marks the request as timed out. Any other exception is logged once
/// at error level with the operation, and a database failure reaches the client as a <see cref="DatabaseError"/>.
/// </summary>
internal sealed class UnhandledExceptionHandler(ILogger logger, CancellationToken callerToken)
{
    private const string Anonymous = "(anonymous)";

    // One loader batch that fails fails every field waiting for it: the same exception, logged once.
    private readonly HashSet<Exception> _logged = new(ReferenceEqualityComparer.Instance);

    /// <summary>The execution was cancelled while the caller still waited: the execution timeout elapsed.</summary>
    public bool TimedOut { get; private set; }

    public Task HandleAsync(UnhandledExceptionContext context)
    {
        var exception = context.OriginalException;
        var executionToken = context.Context?.CancellationToken ?? context.ExecutionOptions.CancellationToken;
        if (executionToken.IsCancellationRequested)
        {
            // A caller that went away gets no answer; nothing failed either way.
            TimedOut |= !callerToken.IsCancellationRequested;
        }
        else if (exception is GraphQLMaxDepthExceededException)
        {
            // The document nests deeper than the parser allows: the client's fault, answered as MAX_PARSER_DEPTH_EXCEEDED
            // by the executor, and no server failure to log.
        }
        else if (FirstSeen(exception))
        {
            var operationName = OperationName(context);
            var path = context.FieldContext is { } field ? string.Join('.', field.Path) : "-";
            if (DatabaseError.IsDatabaseFailure(exception))
            {
                ExecutionLog.DatabaseFailed(logger, exception, operationName, path);
            }
            else
            {
                ExecutionLog.UnhandledException(logger, exception, operationName, path);
            }
        }

        if (DatabaseError.IsDatabaseFailure(exception))
        {
            context.Exception = new DatabaseError();
        }

        return Task.CompletedTask;
    }

    private static string OperationName(UnhandledExceptionContext context)
        => (string?)context.Context?.Operation.Name ?? context.ExecutionOptions.OperationName ?? Anonymous;

    private bool FirstSeen(Exception exception)
    {
        lock (_logged)
        {
            return _logged.Add(exception);
        }
    }
}
