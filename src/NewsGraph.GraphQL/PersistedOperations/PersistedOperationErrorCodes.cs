namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary><c>extensions.code</c> of persisted-operation errors (Hot Chocolate's where it has one).</summary>
public static class PersistedOperationErrorCodes
{
    /// <summary>Unknown id, and the APQ "PersistedQueryNotFound" (Hot Chocolate uses HC0020 for both).</summary>
    public const string NotFound = "HC0020";

    /// <summary>A document was sent while only persisted operations are allowed.</summary>
    public const string OnlyPersistedAllowed = "HC0067";

    /// <summary>The request structure is invalid (Hot Chocolate's <c>ErrorCodes.Server.RequestInvalid</c>).</summary>
    public const string RequestInvalid = "HC0009";

    /// <summary>The APQ hash does not match the query sent with it.</summary>
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
}
