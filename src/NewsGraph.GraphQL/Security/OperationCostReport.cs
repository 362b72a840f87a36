using GraphQL;

namespace NewsGraph.GraphQL.Security;

/// <summary>Adds the cost a request asked for (<see cref="CostReportMode"/>) to its result, in Hot Chocolate's shape.</summary>
internal static class OperationCostReport
{
    /// <summary>The key of the cost in a result's <c>extensions</c>: <c>{ "operationCost": { "fieldCost": 1, "typeCost": 2 } }</c>.</summary>
    public const string ExtensionKey = "operationCost";

    public static ExecutionResult Apply(ExecutionResult result, CostReportMode mode, IDictionary<string, object?> userContext)
    {
        if (mode == CostReportMode.None)
        {
            return result;
        }

        // Costed only when the document got as far as the cost rule; an infinite cost (the analysis gave up) has no number to show.
        OperationCost? cost = userContext.TryGetValue(CostValidationRule.UserContextKey, out var value) && value is OperationCost known
            && double.IsFinite(known.FieldCost) && double.IsFinite(known.TypeCost)
            ? known
            : null;

        if (mode == CostReportMode.Validate && result.Errors is not { Count: > 0 })
        {
            // Nothing ran (ValidateOnlyListener): the answer is the cost alone, without "data", as Hot Chocolate's.
            result = new ExecutionResult();
        }

        if (cost is { } reported)
        {
            result.Extensions ??= [];
            result.Extensions[ExtensionKey] = new Dictionary<string, object?>
            {
                ["fieldCost"] = reported.FieldCost,
                ["typeCost"] = reported.TypeCost,
            };
        }

        return result;
    }
}
