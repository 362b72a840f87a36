namespace NewsGraph.GraphQL.Relay;

/// <summary>Error codes (<c>extensions.code</c>) of global object identification.</summary>
public static class RelayErrorCodes
{
    /// <summary>The ID is not a valid global node ID (not base64, wrong layout, non-integer key).</summary>
    public const string InvalidNodeId = "NODE_ID_INVALID";

    /// <summary>The ID is a valid node ID but of another type than the field or filter expects.</summary>
    public const string WrongNodeType = "NODE_ID_WRONG_TYPE";

    /// <summary>The ID names a type that has no node resolver.</summary>
    public const string UnknownNodeType = "NODE_TYPE_UNKNOWN";

    /// <summary>
    /// More IDs were passed to <c>nodes</c> than the maximum batch size: Hot Chocolate's own code for it
    /// (<c>MaxAllowedNodeBatchSize</c>), so clients that switch on codes keep working.
    /// </summary>
    public const string TooManyNodes = "HC0076";
}
