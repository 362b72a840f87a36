using GraphQL;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Http.Batching;

/// <summary>
/// Runs the operations of a batch one after another, in the order sent (so mutations apply in that order), each as if
/// it came alone: its own service scope (loaders do not serve one operation's reads to the next, which may follow a
/// mutation), the per-operation limits, the GraphQL-Cost header, persisted operations. Subscriptions are refused per
/// operation (a batch is answered with one JSON array). Operations also spend from the batch's cost budget.
/// </summary>
internal static class GraphQLBatchExecutor
{
    private static readonly IReadOnlyList<IValidationRule> ItemRules = [HttpOperationTypeValidationRule.Post];

    public static async Task<ExecutionResult[]> ExecuteAsync(
        HttpContext context, IReadOnlyList<GraphQLHttpRequestParseResult> items, IGraphQLRequestExecutor executor, CancellationToken cancellationToken)
    {
        var limits = context.RequestServices.GetService<GraphQLRequestLimits>();
        var budget = new BatchCostBudget(limits?.Options.MaxBatchFieldCost, limits?.Options.MaxBatchTypeCost);
        var costMode = GraphQLCostHeader.Read(context.Request);
        // Under GraphQL-Cost: validate nothing runs, so nothing is spent.
        var spends = budget.IsLimited && costMode != CostReportMode.Validate;
        var scopes = context.RequestServices.GetRequiredService<IServiceScopeFactory>();

        var results = new ExecutionResult[items.Count];
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            if (item.Request is not { } request)
            {
                results[index] = new ExecutionResult { Errors = [item.Error!] };
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var userContext = new Dictionary<string, object?>();
            if (spends)
            {
                userContext[CostValidationRule.BatchAllowanceKey] = budget.Allowance;
            }

            var itemContext = new GraphQLRequestContext
            {
                RequestServices = scope.ServiceProvider,
                User = context.User,
                RequestId = context.TraceIdentifier,
                AdditionalValidationRules = ItemRules,
                UserContext = userContext,
                CostMode = costMode,
                MeasureCost = spends,
            };

            var result = await executor.ExecuteAsync(request, itemContext, cancellationToken);
            if (spends && result.Executed && userContext.TryGetValue(CostValidationRule.UserContextKey, out var cost) && cost is OperationCost spent)
            {
                budget.Spend(spent);
            }

            results[index] = result;
        }

        return results;
    }

    /// <summary>Runs the batch and writes its results.</summary>
    public static async Task RespondAsync(
        HttpContext context, IReadOnlyList<GraphQLHttpRequestParseResult> items, IGraphQLRequestExecutor executor, IGraphQLSerializer serializer,
        GraphQLResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        var results = await ExecuteAsync(context, items, executor, cancellationToken);
        await WriteAsync(context, serializer, results, mediaType, cancellationToken);
    }

    /// <summary>The results as one JSON array, in the order of the requests; 200 as Hot Chocolate and GraphQL.NET's server answer a batch.</summary>
    public static async Task WriteAsync(HttpContext context, IGraphQLSerializer serializer, ExecutionResult[] results, GraphQLResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GraphQLHttpMediaTypes.ContentTypeOf(mediaType);
        await serializer.WriteAsync(response.Body, results, cancellationToken);
    }
}
