namespace PersonaMedia.Infrastructure.Telemetry;

/// <summary>
/// The service's one meter and activity source. Every figure of the service's own (uploads,
/// downloads, the store, the reconciler, later the thumbnail queue and rate limits) is an instrument
/// of this meter, so one <c>AddMeter</c> exports them all.
/// </summary>
public static class PersonaMediaMeter
{
    public const string Name = "PersonaMedia";

    /// <summary>Upload and download durations, in seconds: from a fast refusal to a slow 10 MiB upload.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>File sizes, in bytes: 1 KiB to the 10 MiB limit.</summary>
    public static readonly IReadOnlyList<long> SizeBuckets = [1024, 16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024, 10 * 1024 * 1024];

    /// <summary>Store operations, in seconds: a local write of a chunk to a slow remote call.</summary>
    public static readonly IReadOnlyList<double> StoreBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
}
