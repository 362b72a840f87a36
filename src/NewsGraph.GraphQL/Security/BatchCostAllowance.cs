namespace NewsGraph.GraphQL.Security;

/// <summary>
/// What is left of a batch's cost budget for its next operation, handed to <see cref="CostValidationRule"/> in the user
/// context (<see cref="CostValidationRule.BatchAllowanceKey"/>): the rule that computes the cost also checks it against this.
/// </summary>
public sealed record BatchCostAllowance(double? MaxFieldCost, double? MaxTypeCost, double SpentFieldCost, double SpentTypeCost);
