namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Limits that protect the server from expensive or hostile requests (configuration section
/// <c>GraphQL:Limits</c>). Defaults follow Hot Chocolate where it has one; where it has none, the
/// value is chosen so that every real operation of a typical API fits with room to spare.
/// </summary>
public sealed class GraphQLLimitsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "GraphQL:Limits";

    /// <summary>
    /// Maximum length of the GraphQL document in characters, checked before parsing, so a huge document costs
    /// no parser work. Hot Chocolate has no such default; 50,000 is ~50 times our largest operation.
    /// </summary>
    public int MaxDocumentLength { get; set; } = 50_000;

    /// <summary>
    /// Recursion limit of the GraphQL parser in AST nodes (GraphQL-Parser's <c>MaxDepth</c>, default 128):
    /// nesting beyond it is a syntax error instead of a deep recursion that could overflow the stack.
    /// </summary>
    public int MaxParserDepth { get; set; } = 128;

    /// <summary>
    /// Maximum execution depth (nesting of fields, root fields at depth 1, through fragments).
    /// Hot Chocolate has none by default (<c>AddMaxExecutionDepthRule(n)</c>); 15 fits the IDE's introspection
    /// query (depth 12) and every real page query. Null disables the rule.
    /// </summary>
    public int? MaxExecutionDepth { get; set; } = 15;

    /// <summary>Maximum number of aliases in one document. Null disables the rule.</summary>
    public int? MaxAliases { get; set; } = 30;

    /// <summary>
    /// Maximum field cost (IBM cost spec, Hot Chocolate's weights). Hot Chocolate's default is 1,000, but with its own
    /// weights that refuses a full page (50) of teasers with author, category and tags (cost 1,511, three loaders
    /// per item), so ours is 5,000. A second level of 50-item connections under 50 items still costs far more. Null disables.
    /// </summary>
    public double? MaxFieldCost { get; set; } = 5_000;

    /// <summary>
    /// Maximum type cost (~ objects returned). Hot Chocolate's default is 1,000, which refuses 50 authors with 50 articles
    /// each (2,602); ours is 10,000 objects, a few megabytes of JSON. Null disables.
    /// </summary>
    public double? MaxTypeCost { get; set; } = 10_000;

    /// <summary>Maximum number of IDs one <c>nodes</c> call accepts (Hot Chocolate's default 50).</summary>
    public int MaxNodesBatchSize { get; set; } = 50;

    /// <summary>Execution timeout (Hot Chocolate's default 30 s). <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Maximum HTTP request body in bytes, applied to Kestrel by the host (Hot Chocolate's <c>MaxRequestSize</c> is 20 MB).
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 20 * 1024 * 1024;
}
