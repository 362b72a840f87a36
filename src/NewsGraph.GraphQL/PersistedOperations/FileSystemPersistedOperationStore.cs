using System.Text;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Trusted documents read once from <c>*.graphql</c> files. The id of a file is the hex digest of its exact bytes,
/// so <c>md5sum File.graphql</c> prints it.
/// </summary>
public sealed class FileSystemPersistedOperationStore : IPersistedOperationStore
{
    private readonly Dictionary<string, PersistedOperation> _byId;

    private FileSystemPersistedOperationStore(IReadOnlyCollection<PersistedOperation> operations)
    {
        Operations = operations;
        _byId = new Dictionary<string, PersistedOperation>(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in operations)
        {
            _byId.TryAdd(operation.Md5, operation);
            _byId.TryAdd(operation.Sha256, operation);
        }
    }

    public IReadOnlyCollection<PersistedOperation> Operations { get; }

    /// <summary>Loads and hashes every <c>*.graphql</c> file of <paramref name="directory"/> (not recursive).</summary>
    public static FileSystemPersistedOperationStore Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The persisted operations directory '{directory}' does not exist.");
        }

        var operations = new List<PersistedOperation>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.graphql").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            operations.Add(new PersistedOperation(
                Path.GetFileNameWithoutExtension(path),
                DecodeUtf8(bytes),
                PersistedOperationHash.Md5(bytes),
                PersistedOperationHash.Sha256(bytes)));
        }

        return new FileSystemPersistedOperationStore(operations);
    }

    public static FileSystemPersistedOperationStore Empty { get; } = new([]);

    public bool TryGet(string id, out PersistedOperation operation)
        => _byId.TryGetValue(id, out operation!);

    private static string DecodeUtf8(byte[] bytes)
    {
        // The hash covers a byte-order mark if there is one; the document text does not.
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[Encoding.UTF8.Preamble.Length..];
        }

        return Encoding.UTF8.GetString(span);
    }
}
