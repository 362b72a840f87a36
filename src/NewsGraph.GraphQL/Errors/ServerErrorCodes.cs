namespace NewsGraph.GraphQL.Errors;

/// <summary><c>extensions.code</c> of errors that are the server's fault, not the request's.</summary>
public static class ServerErrorCodes
{
    /// <summary>The database failed; what it said is logged, never sent to the client.</summary>
    public const string DatabaseError = "DATABASE_ERROR";
}
