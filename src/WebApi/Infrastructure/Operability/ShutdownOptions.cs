namespace PersonaMedia.WebApi.Infrastructure.Operability;

/// <summary>The <c>Shutdown</c> configuration section: what happens between SIGTERM and the process's end.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>
    /// The whole time a stop may take (the host's <c>ShutdownTimeout</c>): the drain delay, then
    /// uploads and downloads in flight finishing. Requests still running after it are aborted, and an
    /// aborted upload leaves nothing behind. A container's stop grace period must be longer.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long the service keeps accepting connections after SIGTERM, answering readiness 503 and new
    /// uploads 503, so a load balancer that polls <c>/health/ready</c> stops sending traffic before
    /// the listener closes. 0 closes it at once (nothing in front polls readiness).
    /// </summary>
    public int DrainDelaySeconds { get; set; }

    public IEnumerable<string> Problems()
    {
        if (TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            yield return $"Shutdown:TimeoutSeconds {TimeoutSeconds} must lie between 1 and {MaxTimeoutSeconds}; set Shutdown__TimeoutSeconds (default 30).";
        }
        else if (DrainDelaySeconds < 0 || DrainDelaySeconds >= TimeoutSeconds)
        {
            yield return $"Shutdown:DrainDelaySeconds {DrainDelaySeconds} must be 0 or more and below Shutdown:TimeoutSeconds ({TimeoutSeconds}), "
                + "which it is part of; set Shutdown__DrainDelaySeconds (default 0).";
        }
    }
}
