using GraphQL.Validation;
using NewsGraph.GraphQL.Data.Paging;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// The limits in force and the validation rules that enforce them, built once from <see cref="GraphQLLimitsOptions"/>
/// and used by the request executor for every transport.
/// </summary>
public sealed class GraphQLRequestLimits
{
    public GraphQLRequestLimits(GraphQLLimitsOptions options, bool allowIntrospection, PagingOptions? paging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDocumentLength);
        Options = options;
        AllowIntrospection = allowIntrospection;

        // The input limits come first: a refused where/order needs no cost estimate (and the cost rule skips it).
        var rules = new List<IValidationRule> { new InputLimitsValidationRule(options) };
        if (options.MaxExecutionDepth is not null || options.MaxFieldSelections is not null)
        {
            rules.Add(new OperationShapeValidationRule(options.MaxExecutionDepth, options.MaxFieldSelections));
        }

        if (options.MaxAliases is { } aliases)
        {
            rules.Add(new MaxAliasesValidationRule(aliases));
        }

        if (options.MaxFieldCost is not null || options.MaxTypeCost is not null)
        {
            rules.Add(new CostValidationRule(options.MaxFieldCost, options.MaxTypeCost, paging));
        }

        if (!allowIntrospection)
        {
            rules.Add(IntrospectionValidationRule.Instance);
        }

        ValidationRules = rules;

        // Requests that must know their cost (the GraphQL-Cost header, batch budgets) get it even with no cost limit set.
        ValidationRulesWithCost = rules.OfType<CostValidationRule>().Any()
            ? rules
            : [.. rules, new CostValidationRule(maxFieldCost: null, maxTypeCost: null, paging)];
    }

    public GraphQLLimitsOptions Options { get; }

    public bool AllowIntrospection { get; }

    /// <summary>Rules run after GraphQL.NET's core rules on every request.</summary>
    public IReadOnlyList<IValidationRule> ValidationRules { get; }

    /// <summary><see cref="ValidationRules"/>, with a rule that computes the cost when no cost limit is set.</summary>
    public IReadOnlyList<IValidationRule> ValidationRulesWithCost { get; }
}
