using GraphQL;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>The document text a request stands for, or the error that refuses it.</summary>
public readonly record struct PersistedOperationResolution(string? Query, ExecutionError? Error)
{
    public static PersistedOperationResolution Document(string? query) => new(query, null);

    public static PersistedOperationResolution Failure(ExecutionError error) => new(null, error);
}
