using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsGraph.Server.Tests.Observability;

/// <summary>
/// The server's own OpenTelemetry wiring (<see cref="NewsGraphTelemetry.AddNewsOpenTelemetry"/>) with the in-memory
/// exporter instead of OTLP: every finished span, and the metrics of each collection.
/// </summary>
internal sealed class TelemetryCapture
{
    private readonly LockedCollection<Activity> _spans = new();
    private readonly LockedCollection<MetricSnapshot> _metrics = new();
    private IServiceProvider? _services;

    public void Configure(IServiceCollection services)
        => services.AddNewsOpenTelemetry(new ConfigurationBuilder().Build())
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));

    public void Attach(IServiceProvider services) => _services = services;

    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>The spans of the GraphQL library.</summary>
    public IReadOnlyList<Activity> GraphQLSpans => [.. Spans.Where(span => span.Source.Name == "NewsGraph.GraphQL")];

    /// <summary>Collects the metrics now and returns the points of <paramref name="name"/> (cumulative since start).</summary>
    public IReadOnlyList<MetricPoint> Collect(string name)
    {
        var provider = (_services ?? throw new InvalidOperationException("Attach the server first.")).GetRequiredService<MeterProvider>();
        _metrics.Clear();
        Assert.True(provider.ForceFlush(), "collecting metrics failed");
        return [.. _metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)];
    }

    /// <summary>The value of <paramref name="tag"/> on a metric point.</summary>
    public static object? Tag(MetricPoint point, string tag)
    {
        foreach (var pair in point.Tags)
        {
            if (pair.Key == tag)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The sum (or last value) of the point of <paramref name="name"/> whose <paramref name="tag"/> is <paramref name="value"/>; 0 when none.</summary>
    public long SumWhere(string name, string tag, string value)
        => Collect(name).Where(p => Equals(Tag(p, tag), value)).Sum(p => p.GetSumLong());
}
