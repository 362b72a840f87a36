namespace NewsGraph.GraphQL.Security;

/// <summary>What a request asks to learn of its cost (Hot Chocolate's <c>GraphQL-Cost</c> header).</summary>
public enum CostReportMode
{
    /// <summary>Nothing: the cost is only checked against the limits.</summary>
    None,

    /// <summary><c>report</c>: the operation runs (within the limits) and the result carries <c>extensions.operationCost</c>.</summary>
    Report,

    /// <summary>
    /// <c>validate</c>: the document is parsed and validated and its cost returned in <c>extensions.operationCost</c>; the
    /// operation does not run, and, as in Hot Chocolate, a cost above the limits is reported rather than refused.
    /// </summary>
    Validate,
}
