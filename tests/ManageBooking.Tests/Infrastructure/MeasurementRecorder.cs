using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>Measurements of one meter instance: other sites running in the test process have meters of the same name.</summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> _seen = new();

    public MeasurementRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => _seen.Enqueue((i.Name, v, t.ToArray())));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => _seen.Enqueue((i.Name, v, t.ToArray())));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => _seen.Enqueue((i.Name, v, t.ToArray())));
        _listener.Start();
    }

    public void Observe() => _listener.RecordObservableInstruments();

    public double Sum(string name, params (string Key, string Value)[] tags) => Matching(name, tags).Sum(m => m.Value);

    public int Count(string name) => Matching(name, []).Count();

    public double Last(string name) => Matching(name, []).Select(m => m.Value).DefaultIfEmpty(double.NaN).Last();

    public void Dispose() => _listener.Dispose();

    private IEnumerable<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string name, (string Key, string Value)[] tags)
        => _seen.Where(m => m.Name == name && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value))));
}
