using System.ComponentModel.DataAnnotations;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Trusted documents and automatic persisted queries (configuration section <c>PersistedOperations</c>).</summary>
public sealed class PersistedOperationOptions
{
    public const string SectionName = "PersistedOperations";

    /// <summary>
    /// Folder of <c>*.graphql</c> files, each one operation document callable by the MD5 (or SHA-256) hex of its bytes.
    /// Relative paths are resolved by the host (see <see cref="FileSystemPersistedOperationStore"/>).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Refuse requests that carry a document instead of an id (Hot Chocolate's <c>OnlyAllowPersistedDocuments</c>).</summary>
    public bool OnlyAllowPersisted { get; set; }

    /// <summary>Apollo's automatic persisted queries (<c>extensions.persistedQuery</c>).</summary>
    public bool EnableAutomaticPersistedQueries { get; set; } = true;

    /// <summary>How many automatic persisted queries are kept in memory (least recently used go first).</summary>
    [Range(1, int.MaxValue)]
    public int AutomaticPersistedQueryCacheSize { get; set; } = 1_000;
}
