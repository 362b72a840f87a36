using System.ComponentModel.DataAnnotations;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Bounds of <see cref="ValidatedDocumentCache"/> (configuration section <c>GraphQL:DocumentCache</c>). At most
/// <see cref="MaxEntries"/> documents of at most <see cref="MaxDocumentLength"/> characters each are kept, so a client
/// sending endless distinct documents cannot grow the memory beyond that.
/// </summary>
public sealed class ValidatedDocumentCacheOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "GraphQL:DocumentCache";

    /// <summary>Most documents kept; 0 disables the cache.</summary>
    [Range(0, int.MaxValue)]
    public int MaxEntries { get; set; } = 1_000;

    /// <summary>
    /// Longer documents are validated on every request and never stored. 10,000 characters is ten times our largest
    /// operation and holds the IDE's introspection query.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxDocumentLength { get; set; } = 10_000;
}
