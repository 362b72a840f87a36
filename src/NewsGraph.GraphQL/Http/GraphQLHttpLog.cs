using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Http;

/// <summary>Source-generated log messages of the HTTP transport.</summary>
internal static partial class GraphQLHttpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception while processing a GraphQL HTTP request {Method} {Path}.")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "GraphQL HTTP request {Method} {Path} aborted by the client.")]
    public static partial void RequestAborted(ILogger logger, string method, PathString path);
}
