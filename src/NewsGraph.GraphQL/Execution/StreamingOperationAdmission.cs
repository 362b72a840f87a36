namespace NewsGraph.GraphQL.Execution;

/// <summary>What became of an operation offered to a <see cref="StreamingOperationSet"/>.</summary>
internal enum StreamingOperationAdmission
{
    Added,

    /// <summary>Another running operation has its id.</summary>
    IdInUse,

    /// <summary>The connection runs as many operations as it may.</summary>
    TooMany,

    /// <summary>The connection is gone.</summary>
    Closed,
}
