namespace NewsGraph.GraphQL.Security;

/// <summary>The estimated cost of an operation (IBM cost spec): field cost ~ work, type cost ~ objects returned.</summary>
public readonly record struct OperationCost(double FieldCost, double TypeCost);
