namespace PersonaMedia.Infrastructure.Health;

/// <summary>The <c>Health</c> configuration section: how the readiness probe asks the dependencies.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";
    public const int MaxCacheSeconds = 300;

    /// <summary>
    /// How long a dependency's answer (database write, store probe object, free space) is reused, so
    /// probes from an orchestrator and a load balancer do not each write to the database and the store.
    /// 0 asks every time.
    /// </summary>
    public int CacheSeconds { get; set; } = 5;

    /// <summary>
    /// Readiness fails when the folder of the local store or of the SQLite database has less free
    /// space than this: a nearly full disk still takes a probe's few bytes while uploads fail.
    /// </summary>
    public long MinimumFreeMegabytes { get; set; } = 256;

    public long MinimumFreeBytes => MinimumFreeMegabytes * 1024 * 1024;

    public IEnumerable<string> Problems()
    {
        if (CacheSeconds is < 0 or > MaxCacheSeconds)
        {
            yield return $"Health:CacheSeconds {CacheSeconds} must lie between 0 and {MaxCacheSeconds}; set Health__CacheSeconds (default 5).";
        }

        if (MinimumFreeMegabytes is < 0 or > long.MaxValue / (1024 * 1024))
        {
            yield return $"Health:MinimumFreeMegabytes {MinimumFreeMegabytes} must be 0 or more; set Health__MinimumFreeMegabytes (default 256).";
        }
    }
}
