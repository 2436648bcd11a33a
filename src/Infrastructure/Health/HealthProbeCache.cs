using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PersonaMedia.Infrastructure.Health;

/// <summary>
/// Keeps each dependency check's last answer for <see cref="HealthOptions.CacheSeconds"/>, and lets
/// only one run of a check be in flight: probes arriving together share it instead of each writing.
/// </summary>
internal sealed class HealthProbeCache(IOptions<HealthOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<HealthCheckResult> GetOrRunAsync(
        string name, Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken cancellationToken)
    {
        var maxAge = TimeSpan.FromSeconds(options.Value.CacheSeconds);
        var entry = _entries.GetOrAdd(name, _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (entry.Result is { } cached && now - entry.At < maxAge)
            {
                return cached;
            }

            var result = await check(cancellationToken);
            (entry.Result, entry.At) = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public HealthCheckResult? Result { get; set; }

        public DateTimeOffset At { get; set; }
    }
}
