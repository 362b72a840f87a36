using GraphQL.Types;

namespace NewsGraph.GraphQL.Security;

/// <summary>Per-field cost weight, like Hot Chocolate's <c>@cost(weight:)</c>; overrides the default weights.</summary>
public static class CostMetadataExtensions
{
    internal const string CostKey = "NewsGraph.Cost";

    public static TFieldType WithCost<TFieldType>(this TFieldType field, double weight)
        where TFieldType : FieldType
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[CostKey] = weight;
        return field;
    }

    internal static double? GetCost(this FieldType field)
        => field.Metadata.TryGetValue(CostKey, out var value) && value is double weight ? weight : null;
}
