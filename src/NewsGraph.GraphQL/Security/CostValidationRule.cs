using GraphQL.Validation;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Rejects operations whose estimated field or type cost is above the limits (Hot Chocolate's cost analysis,
/// HC0047), before anything executes. Uses the request's variables for <c>first</c>/<c>last</c>.
/// </summary>
public sealed class CostValidationRule : ValidationRuleBase
{
    /// <summary>The key under which the computed cost is left in <see cref="ValidationContext.UserContext"/>.</summary>
    public const string UserContextKey = "NewsGraph.OperationCost";

    public CostValidationRule(double? maxFieldCost, double? maxTypeCost)
    {
        MaxFieldCost = maxFieldCost;
        MaxTypeCost = maxTypeCost;
    }

    public double? MaxFieldCost { get; }

    public double? MaxTypeCost { get; }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation is not { } operation)
        {
            return default;
        }

        OperationCost cost;
        try
        {
            cost = new OperationCostCalculator(context.Schema, context.Document, context.Variables).Calculate(operation);
        }
        catch (InsufficientExecutionStackException)
        {
            // Only a pathological fragment chain gets here; it is too expensive by any measure.
            cost = new OperationCost(double.PositiveInfinity, double.PositiveInfinity);
        }

        context.UserContext[UserContextKey] = cost;
        if (MaxFieldCost is { } maxField && cost.FieldCost > maxField)
        {
            context.ReportError(CostExceededError.FieldCost(context.Document.Source, operation, cost.FieldCost, maxField));
        }
        else if (MaxTypeCost is { } maxType && cost.TypeCost > maxType)
        {
            context.ReportError(CostExceededError.TypeCost(context.Document.Source, operation, cost.TypeCost, maxType));
        }

        return default;
    }
}
