namespace NewsGraph.Server.Tests.Observability;

/// <summary>
/// The tests that read telemetry run alone, after the parallel ones: an OpenTelemetry provider subscribes to the
/// activity source and meter by name, process-wide, so it would also see the other test servers' spans and measurements.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservabilityTestGroup
{
    public const string Name = "Observability";
}
