using System.Diagnostics;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using NewsGraph.GraphQL.PersistedOperations;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// What one GraphQL operation reports: its span (named <c>{type} {name}</c>, or only the type when anonymous, as the
/// GraphQL semantic conventions ask; <see cref="GraphQLDiagnostics.UnknownOperationSpanName"/> until the type is
/// known), its duration and errors (<see cref="GraphQLMetrics"/>) and its logging scope. The operation is identified
/// when execution starts (this is a document listener of the request), or from the result when it never started.
/// The document's text is never recorded, only its hash.
/// </summary>
internal sealed class GraphQLOperationTelemetry : DocumentExecutionListenerBase
{
    private readonly Activity? _activity;
    private readonly GraphQLMetrics? _metrics;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _operationType;
    private string? _operationName;

    public GraphQLOperationTelemetry(string? requestId, string? requestedOperationName, GraphQLMetrics? metrics)
    {
        _metrics = metrics;
        _operationName = requestedOperationName;
        LogScope = new GraphQLOperationLogScope(requestId, requestedOperationName);
        _activity = GraphQLDiagnostics.ActivitySource.StartActivity(GraphQLDiagnostics.UnknownOperationSpanName, ActivityKind.Internal);
    }

    public GraphQLOperationLogScope LogScope { get; }

    /// <summary>The document about to execute (after persisted operations were resolved): its hash, or the persisted id.</summary>
    public void SetDocument(string? query, string? documentId)
    {
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        if (documentId is not null)
        {
            activity.SetTag(GraphQLTelemetryAttributes.DocumentId, documentId);
        }

        if (query is not null)
        {
            activity.SetTag(GraphQLTelemetryAttributes.DocumentHash, PersistedOperationHash.Sha256(Encoding.UTF8.GetBytes(query)));
        }
    }

    public override Task BeforeExecutionAsync(IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Identify(context.Operation);
        return Task.CompletedTask;
    }

    /// <summary>Ends the span and records the operation with the result's errors.</summary>
    public void Complete(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_operationType is null && result.Operation is { } operation)
        {
            Identify(operation);
        }

        var errors = result.Errors;
        if (_metrics is not null)
        {
            _metrics.RecordOperation(Stopwatch.GetElapsedTime(_started), _operationType, _operationName);
            foreach (var error in errors ?? [])
            {
                _metrics.RecordError(error.Code, _operationType);
            }
        }

        if (_activity is { } activity)
        {
            if (errors is { Count: > 0 })
            {
                // The first error's code says what went wrong in a way that groups (no message: it may quote input).
                activity.SetTag("error.type", errors[0].Code ?? "UNKNOWN");
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }
    }

    /// <summary>Ends the span of an operation that threw instead of producing a result.</summary>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _metrics?.RecordOperation(Stopwatch.GetElapsedTime(_started), _operationType, _operationName);
        if (_activity is { } activity)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error);
            activity.Dispose();
        }
    }

    private void Identify(GraphQLOperationDefinition operation)
    {
        _operationType = operation.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => null,
        };
        _operationName = (string?)operation.Name;
        LogScope.OperationName = _operationName;
        if (_activity is { } activity && _operationType is not null)
        {
            activity.DisplayName = _operationName is null ? _operationType : $"{_operationType} {_operationName}";
            activity.SetTag(GraphQLTelemetryAttributes.OperationType, _operationType);
            activity.SetTag(GraphQLTelemetryAttributes.OperationName, _operationName);
        }
    }
}
