using System.Diagnostics.Metrics;
using PersonaMedia.Infrastructure.Telemetry;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>Counts <c>personamedia.uploads</c> with outcome refused, reason rate_limited, from its creation on.</summary>
internal sealed class RateLimitedUploads : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RateLimitedUploads()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PersonaMediaMeter.Name && instrument.Name == "personamedia.uploads")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var (outcome, reason) = (string.Empty, string.Empty);
            foreach (var tag in tags)
            {
                (outcome, reason) = tag.Key switch
                {
                    "outcome" => ((string)tag.Value!, reason),
                    "reason" => (outcome, (string)tag.Value!),
                    _ => (outcome, reason),
                };
            }

            if (outcome == "refused" && reason == "rate_limited")
            {
                Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
