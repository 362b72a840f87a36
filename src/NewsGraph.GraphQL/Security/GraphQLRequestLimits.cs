using GraphQL.Validation;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// The limits in force and the validation rules that enforce them, built once from <see cref="GraphQLLimitsOptions"/>
/// and used by the request executor for every transport.
/// </summary>
public sealed class GraphQLRequestLimits
{
    public GraphQLRequestLimits(GraphQLLimitsOptions options, bool allowIntrospection)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDocumentLength);
        Options = options;
        AllowIntrospection = allowIntrospection;

        var rules = new List<IValidationRule>();
        if (options.MaxExecutionDepth is { } depth)
        {
            rules.Add(new MaxExecutionDepthValidationRule(depth));
        }

        if (options.MaxAliases is { } aliases)
        {
            rules.Add(new MaxAliasesValidationRule(aliases));
        }

        if (options.MaxFieldCost is not null || options.MaxTypeCost is not null)
        {
            rules.Add(new CostValidationRule(options.MaxFieldCost, options.MaxTypeCost));
        }

        if (!allowIntrospection)
        {
            rules.Add(IntrospectionValidationRule.Instance);
        }

        ValidationRules = rules;
    }

    public GraphQLLimitsOptions Options { get; }

    public bool AllowIntrospection { get; }

    /// <summary>Rules run after GraphQL.NET's core rules on every request.</summary>
    public IReadOnlyList<IValidationRule> ValidationRules { get; }
}
