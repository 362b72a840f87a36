using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Tests.Diagnostics;

/// <summary>
/// A <see cref="GraphQLMetrics"/> of its own meter factory and a System.Diagnostics listener on exactly its instruments
/// (tests running in parallel create meters of the same name): what a collector would see, without the OpenTelemetry SDK.
/// </summary>
internal sealed class GraphQLMetricsListener : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly ConcurrentDictionary<string, double> _lastObserved = new();

    public GraphQLMetricsListener(TimeProvider clock)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new GraphQLMetrics(factory, clock);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument, value));
        _listener.Start();
    }

    public GraphQLMetrics Metrics { get; }

    /// <summary>The sum of everything a counter recorded.</summary>
    public double Total(string instrument) => _totals.GetValueOrDefault(instrument);

    /// <summary>Collects the observable instruments now; the value a gauge reported, or null when it reported none.</summary>
    public double? Observe(string instrument)
    {
        _lastObserved.Clear();
        _listener.RecordObservableInstruments();
        return _lastObserved.TryGetValue(instrument, out var value) ? value : null;
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value)
    {
        if (instrument.IsObservable)
        {
            _lastObserved[instrument.Name] = value;
        }
        else
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
        }
    }
}
