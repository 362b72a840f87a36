using System.ComponentModel.DataAnnotations;

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
    [Range(1, int.MaxValue)]
    public int MaxDocumentLength { get; set; } = 50_000;

    /// <summary>
    /// Recursion limit of the GraphQL parser in AST nodes (GraphQL-Parser's <c>MaxDepth</c>, default 128):
    /// nesting beyond it is a syntax error instead of a deep recursion that could overflow the stack.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxParserDepth { get; set; } = 128;

    /// <summary>
    /// Maximum execution depth (nesting of fields, root fields at depth 1, through fragments).
    /// Hot Chocolate has none by default (<c>AddMaxExecutionDepthRule(n)</c>); 15 fits the IDE's introspection
    /// query (depth 12) and every real page query. Null disables the rule.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? MaxExecutionDepth { get; set; } = 15;

    /// <summary>
    /// Maximum number of field selections of an operation once every fragment is spread in (as execution sees it),
    /// counted without list sizes. The IDE's introspection query selects ~200; 2,000 leaves real pages ten times that.
    /// Null disables the rule.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? MaxFieldSelections { get; set; } = 2_000;

    /// <summary>Maximum number of aliases in one document. Null disables the rule.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxAliases { get; set; } = 30;

    /// <summary>
    /// Maximum field cost (IBM cost spec, Hot Chocolate's weights). Hot Chocolate's default is 1,000, but with its own
    /// weights that refuses a full page (50) of teasers with author, category and tags (cost 1,511, three loaders
    /// per item), so ours is 5,000. A second level of 50-item connections under 50 items still costs far more. Null disables.
    /// </summary>
    [Range(1, double.MaxValue)]
    public double? MaxFieldCost { get; set; } = 5_000;

    /// <summary>
    /// Maximum type cost (~ objects returned). Hot Chocolate's default is 1,000, which refuses 50 authors with 50 articles
    /// each (2,602); ours is 10,000 objects, a few megabytes of JSON. Null disables.
    /// </summary>
    [Range(1, double.MaxValue)]
    public double? MaxTypeCost { get; set; } = 10_000;

    /// <summary>
    /// Field cost all the operations of one batch (a JSON array POST) may spend together, on top of each operation's own
    /// <see cref="MaxFieldCost"/>. The same 5,000 by default: batching saves round trips but must not let one HTTP request
    /// do N times the work a single operation may. Operations run in order and each spends from what the ones before it
    /// left; one that would overspend is refused (<c>BATCH_COST_EXCEEDED</c>) and the rest still run if they fit. Null disables.
    /// </summary>
    [Range(1, double.MaxValue)]
    public double? MaxBatchFieldCost { get; set; } = 5_000;

    /// <summary>Type cost all the operations of one batch may spend together; see <see cref="MaxBatchFieldCost"/>. Null disables.</summary>
    [Range(1, double.MaxValue)]
    public double? MaxBatchTypeCost { get; set; } = 10_000;

    /// <summary>
    /// Deepest nesting of objects in one <c>where</c> argument (the argument itself is level 1; every nested filter,
    /// operation object and <c>and</c>/<c>or</c> element one more). 10 fits <c>and</c> over <c>or</c> over a
    /// category's parent's parent with room to spare.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxFilterDepth { get; set; } = 10;

    /// <summary>
    /// Most fields in one <c>where</c> argument, counted at every level, plus one for each <c>and</c>/<c>or</c>
    /// element: every one becomes a condition the database evaluates for each row.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxFilterFields { get; set; } = 100;

    /// <summary>
    /// Longest <c>in</c>/<c>nin</c> list in a <c>where</c> argument. Each value is a query parameter (SQLite accepts
    /// 32,766 per statement, PostgreSQL 65,535) and another entry in the plan; 100 is two full pages of IDs.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxFilterListLength { get; set; } = 100;

    /// <summary>Most sort fields in one <c>order</c> argument (nested objects' fields included; an empty element counts as one).</summary>
    [Range(1, int.MaxValue)]
    public int MaxSortFields { get; set; } = 10;

    /// <summary>Maximum number of IDs one <c>nodes</c> call accepts (Hot Chocolate's default 50).</summary>
    [Range(1, int.MaxValue)]
    public int MaxNodesBatchSize { get; set; } = 50;

    /// <summary>Execution timeout (Hot Chocolate's default 30 s). <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Maximum HTTP request body in bytes, applied to Kestrel by the host (Hot Chocolate's <c>MaxRequestSize</c> is 20 MB).
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodySize { get; set; } = 20 * 1024 * 1024;

    /// <summary>Whether <see cref="ExecutionTimeout"/> is a positive time or infinite (no timeout).</summary>
    public bool HasValidExecutionTimeout => ExecutionTimeout > TimeSpan.Zero || ExecutionTimeout == Timeout.InfiniteTimeSpan;
}
