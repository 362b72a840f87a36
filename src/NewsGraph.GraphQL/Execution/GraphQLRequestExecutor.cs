using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Default <see cref="IGraphQLRequestExecutor"/>: runs requests against the schema with the document executer and
/// always sets <see cref="ExecutionOptions.RequestServices"/> (many GraphQL.NET builder extensions need it).
/// When registered, it also resolves persisted operations (<see cref="PersistedOperationResolver"/>) and applies
/// the request limits (<see cref="GraphQLRequestLimits"/>), so every transport enforces them the same way. All of
/// them are singletons, taken once here rather than looked up on every request.
/// Unhandled exceptions are logged once per request and database failures masked (<see cref="UnhandledExceptionHandler"/>).
/// Every operation gets a span, a logging scope and its metrics (<see cref="GraphQLOperationTelemetry"/>), whatever the transport.
/// </summary>
public sealed class GraphQLRequestExecutor(
    ISchema schema,
    IDocumentExecuter executer,
    ILogger<GraphQLRequestExecutor>? logger = null,
    GraphQLRequestLimits? limits = null,
    PersistedOperationResolver? persisted = null,
    GraphQLMetrics? metrics = null) : IGraphQLRequestExecutor
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, GraphQLRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        // The span becomes the current activity here, so the engine's work (data loader batches, EF Core) nests in it.
        var telemetry = new GraphQLOperationTelemetry(context.RequestId, OperationName(request), metrics);
        using var scope = _logger.BeginScope(telemetry.LogScope);
        ExecutionResult result;
        try
        {
            result = await ExecuteCoreAsync(request, context, telemetry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            telemetry.Fail(ex);
            throw;
        }

        telemetry.Complete(result);
        return result;
    }

    private async Task<ExecutionResult> ExecuteCoreAsync(
        GraphQLRequest request, GraphQLRequestContext context, GraphQLOperationTelemetry telemetry, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;

        // Checked before anything else (including APQ registration) so an oversized document costs no work.
        if (limits is not null && request.Query is { } text && text.Length > limits.Options.MaxDocumentLength)
        {
            return Failure(new MaxDocumentLengthError(text.Length, limits.Options.MaxDocumentLength));
        }

        var query = request.Query;
        var documentId = request.DocumentId;
        if (persisted is not null)
        {
            var resolution = persisted.Resolve(request);
            if (resolution.Error is { } error)
            {
                return Failure(error);
            }

            query = resolution.Query;
            documentId = null;
        }

        var options = new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            DocumentId = documentId,
            OperationName = OperationName(request),
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = context.User,
            CancellationToken = cancellationToken,
        };

        if (context.UserContext is not null)
        {
            options.UserContext = context.UserContext;
        }

        telemetry.SetDocument(query, request.DocumentId);
        options.Listeners.Add(telemetry);

        var measureCost = context.CostMode != CostReportMode.None || context.MeasureCost;
        var limitRules = (measureCost ? limits?.ValidationRulesWithCost : limits?.ValidationRules) ?? [];
        if (context.CostMode == CostReportMode.Validate)
        {
            options.UserContext[CostValidationRule.ValidateOnlyKey] = true;
            options.Listeners.Add(ValidateOnlyListener.Instance);
        }

        if (context.AdditionalValidationRules.Count > 0 || limitRules.Count > 0)
        {
            // A cached document (ValidatedDocumentCacheExecution) skips the core rules but must still be checked against
            // the limits and transport rules (cost depends on the variables, so it cannot be cached with the document).
            // The combined lists are built once per pair of rule lists: each subscription keeps its options alive,
            // and two fresh arrays of ~30 rules per subscription were ~0.9 KB of every idle subscriber.
            var rules = ValidationRuleSets.Get(limitRules, context.AdditionalValidationRules);
            options.ValidationRules = rules.All;
            options.CachedDocumentValidationRules = rules.ForCachedDocuments;
        }

        // The timeout is a token of our own, cancelled by ExecutionTimeoutWatchdog's thread rather than a thread-pool
        // timer (GraphQL.NET's Timeout), which a pool busy with slow database statements runs too late. For a
        // subscription it bounds only setting up the stream (parse, validation, the stream resolver): the deadline is
        // removed when ExecuteAsync returns and the stream keeps the token, from then on cancelled only with the
        // caller's. So a stream lives as long as its transport keeps it (tested: WebSockets/SubscriptionTimeoutTests),
        // while a slow subscribe still fails with HC0045.
        var timeout = limits?.Options.ExecutionTimeout ?? Timeout.InfiniteTimeSpan;
        CancellationTokenSource? timeoutSource = null;
        IDisposable? deadline = null;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline = ExecutionTimeoutWatchdog.Shared.Schedule(timeoutSource, timeout);
            options.CancellationToken = timeoutSource.Token;
        }

        var exceptions = new UnhandledExceptionHandler(_logger, cancellationToken);
        options.UnhandledExceptionDelegate = exceptions.HandleAsync;

        ExecutionResult? result = null;
        try
        {
            result = await executer.ExecuteAsync(options).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            // GraphQL.NET rethrows a cancellation of the token it was given: here that is the timeout's.
        }
        finally
        {
            deadline?.Dispose();
            if (result?.Streams is null)
            {
                timeoutSource?.Dispose();
            }
        }

        if (result is null || exceptions.TimedOut)
        {
            // Hot Chocolate answers a timeout with HC0045 alone: whatever resolved before it is no answer to the request.
            ExecutionLog.TimedOut(_logger, options.OperationName ?? "(anonymous)", timeout);
            return Failure(new RequestTimeoutError(timeout));
        }

        ReplaceParserDepthError(result, limits?.Options.MaxParserDepth);
        return OperationCostReport.Apply(result, context.CostMode, options.UserContext);
    }

    /// <summary>The GraphQL-over-HTTP spec treats an empty operation name as absent.</summary>
    private static string? OperationName(GraphQLRequest request) => string.IsNullOrEmpty(request.OperationName) ? null : request.OperationName;

    private static bool IsParserDepthError(ExecutionError error)
        => error is UnhandledError { InnerException: GraphQLParser.Exceptions.GraphQLMaxDepthExceededException };

    private static ExecutionResult Failure(ExecutionError error) => new() { Errors = [error] };

    /// <summary>GraphQL.NET's "unhandled" parser-depth failure becomes a request error: the document is at fault, not the server.</summary>
    private static void ReplaceParserDepthError(ExecutionResult result, int? maxParserDepth)
    {
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(IsParserDepthError))
        {
            return;
        }

        var replaced = new ExecutionErrors();
        foreach (var error in errors)
        {
            replaced.Add(IsParserDepthError(error) ? new MaxParserDepthError(maxParserDepth ?? 128, error.InnerException!) : error);
        }

        result.Errors = replaced;
    }

    /// <summary>Read-only rule arrays shared by every request with the same limit and transport rule lists.</summary>
    private sealed class ValidationRuleSets
    {
        private static readonly ConditionalWeakTable<IReadOnlyList<IValidationRule>, ConditionalWeakTable<IReadOnlyList<IValidationRule>, ValidationRuleSets>> Cache = new();

        private ValidationRuleSets(IReadOnlyList<IValidationRule> limitRules, IReadOnlyList<IValidationRule> additionalRules)
        {
            All = [.. DocumentValidator.CoreRules, .. limitRules, .. additionalRules];
            ForCachedDocuments = [.. limitRules, .. additionalRules];
        }

        public IValidationRule[] All { get; }

        public IValidationRule[] ForCachedDocuments { get; }

        public static ValidationRuleSets Get(IReadOnlyList<IValidationRule> limitRules, IReadOnlyList<IValidationRule> additionalRules)
            => Cache.GetValue(limitRules, _ => new()).GetValue(additionalRules, additional => new ValidationRuleSets(limitRules, additional));
    }
}
