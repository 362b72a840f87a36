using GraphQL.Execution;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// The parser stopped at its recursion limit. GraphQL.NET reports that as an unhandled error (HTTP 500);
/// it is the client's document that is at fault, so it becomes a request error (HTTP 400).
/// </summary>
public sealed class MaxParserDepthError : RequestError
{
    public MaxParserDepthError(int maxDepth, Exception innerException)
        : base($"The GraphQL document is nested deeper than the parser allows ({maxDepth} syntax nodes).", innerException)
    {
        Code = SecurityErrorCodes.MaxParserDepthExceeded;
    }
}
