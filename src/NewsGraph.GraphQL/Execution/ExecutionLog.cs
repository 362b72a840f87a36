using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Execution;

/// <summary>Source-generated log messages of GraphQL execution.</summary>
internal static partial class ExecutionLog
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "The database failed while executing GraphQL operation {OperationName} (field {Path}).")]
    public static partial void DatabaseFailed(ILogger logger, Exception exception, string operationName, string path);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Unhandled exception while executing GraphQL operation {OperationName} (field {Path}).")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string operationName, string path);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "GraphQL operation {OperationName} exceeded the execution timeout of {Timeout} and was stopped.")]
    public static partial void TimedOut(ILogger logger, string operationName, TimeSpan timeout);
}
