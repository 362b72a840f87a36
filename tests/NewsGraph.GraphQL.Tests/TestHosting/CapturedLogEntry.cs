using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Tests.TestHosting;

public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
