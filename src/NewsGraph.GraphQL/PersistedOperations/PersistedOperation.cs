namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>A trusted document and its ids (lowercase hex digests of the file's bytes).</summary>
public sealed record PersistedOperation(string Name, string Document, string Md5, string Sha256);
