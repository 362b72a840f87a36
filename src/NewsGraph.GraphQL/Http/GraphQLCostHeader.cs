using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Hot Chocolate's <c>GraphQL-Cost</c> request header: <c>report</c> or <c>validate</c>, in any letter case; the first
/// value counts and any other value is ignored (the request runs as without the header), as in Hot Chocolate.
/// </summary>
public static class GraphQLCostHeader
{
    public const string Name = "GraphQL-Cost";

    public const string Report = "report";

    public const string Validate = "validate";

    public static CostReportMode Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Name, out var values) || values.Count == 0 || values[0] is not { } value)
        {
            return CostReportMode.None;
        }

        value = value.Trim();
        if (value.Equals(Report, StringComparison.OrdinalIgnoreCase))
        {
            return CostReportMode.Report;
        }

        return value.Equals(Validate, StringComparison.OrdinalIgnoreCase) ? CostReportMode.Validate : CostReportMode.None;
    }
}
