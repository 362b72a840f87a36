using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Http.Batching;

/// <summary>
/// The cost one batch may spend in all (<see cref="GraphQLLimitsOptions.MaxBatchFieldCost"/>, <see cref="GraphQLLimitsOptions.MaxBatchTypeCost"/>):
/// each operation that runs spends its cost, and <see cref="CostValidationRule"/> refuses one that would overspend before it runs.
/// </summary>
internal sealed class BatchCostBudget(double? maxFieldCost, double? maxTypeCost)
{
    private double _spentFieldCost;
    private double _spentTypeCost;

    public bool IsLimited => maxFieldCost is not null || maxTypeCost is not null;

    /// <summary>What the next operation may spend.</summary>
    public BatchCostAllowance Allowance => new(maxFieldCost, maxTypeCost, _spentFieldCost, _spentTypeCost);

    public void Spend(OperationCost cost)
    {
        _spentFieldCost += cost.FieldCost;
        _spentTypeCost += cost.TypeCost;
    }
}
