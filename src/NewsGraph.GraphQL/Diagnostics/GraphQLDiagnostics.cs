using System.Diagnostics;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// The names under which the library reports traces (an <see cref="ActivitySource"/>) and metrics (a meter, see
/// <see cref="GraphQLMetrics"/>). Reported through System.Diagnostics only: an application subscribes by name with
/// whatever collects them (OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>); nothing is recorded otherwise.
/// </summary>
public static class GraphQLDiagnostics
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "NewsGraph.GraphQL";

    /// <summary>The span of a GraphQL operation whose type is not known (the document did not parse or validate), as the GraphQL semantic conventions name it.</summary>
    public const string UnknownOperationSpanName = "GraphQL Operation";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(GraphQLDiagnostics).Assembly.GetName().Version?.ToString());
}
