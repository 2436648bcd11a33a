using System.Diagnostics;
using System.Diagnostics.Metrics;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Telemetry;

namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>
/// The upload and download figures of the <see cref="PersonaMediaMeter"/>. Every label has a closed set
/// of values (media type, outcome, the rule that refused), so the number of series stays small.
/// </summary>
public sealed class MediaMetrics
{
    private readonly Counter<long> _uploads;
    private readonly Histogram<double> _uploadDuration;
    private readonly Histogram<long> _uploadSize;
    private readonly UpDownCounter<long> _activeUploads;
    private readonly Counter<long> _downloads;
    private readonly Histogram<double> _downloadDuration;
    private readonly Histogram<long> _downloadSize;

    public MediaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PersonaMediaMeter.Name);
        _uploads = meter.CreateCounter<long>(
            "personamedia.uploads", "{upload}", "Uploads answered, by media type, outcome (stored, refused, failed, aborted) and the reason of a refusal or failure.");
        _uploadDuration = meter.CreateHistogram(
            "personamedia.upload.duration", "s", "Time from an upload's first byte to its answer, by media type and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PersonaMediaMeter.DurationBuckets });
        _uploadSize = meter.CreateHistogram(
            "personamedia.upload.size", "By", "Bytes of each stored file, by media type; its sum is the bytes received.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = PersonaMediaMeter.SizeBuckets });
        _activeUploads = meter.CreateUpDownCounter<long>(
            "personamedia.uploads.active", "{upload}", "Uploads being received now, by media type.");
        _downloads = meter.CreateCounter<long>(
            "personamedia.downloads", "{download}", "Downloads answered, by route (download: with a bearer token; signed: a signed URL) and outcome.");
        _downloadDuration = meter.CreateHistogram(
            "personamedia.download.duration", "s", "Time from a download's request to its last byte, by route and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PersonaMediaMeter.DurationBuckets });
        _downloadSize = meter.CreateHistogram(
            "personamedia.download.size", "By", "Bytes of each answered download body (a range's own length), by route; its sum is the bytes served.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = PersonaMediaMeter.SizeBuckets });
    }

    public static string MediaTypeLabel(MediaType type) => type == MediaType.Video ? "video" : "image";

    public void UploadStarted(MediaType type) => _activeUploads.Add(1, new KeyValuePair<string, object?>("media_type", MediaTypeLabel(type)));

    public void UploadEnded(MediaType type, UploadOutcome outcome, long startedAt, long? storedBytes)
    {
        var mediaType = new KeyValuePair<string, object?>("media_type", MediaTypeLabel(type));
        _activeUploads.Add(-1, mediaType);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome.Outcome);
        _uploads.Add(1, mediaType, outcomeTag, new KeyValuePair<string, object?>("reason", outcome.Reason));
        _uploadDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, mediaType, outcomeTag);
        if (storedBytes is { } bytes)
        {
            _uploadSize.Record(bytes, mediaType);
        }
    }

    /// <summary>An upload refused before it began (by the rate limiter): counted, but never active and not timed.</summary>
    public void UploadRefused(MediaType type, UploadOutcome outcome) =>
        _uploads.Add(1, new KeyValuePair<string, object?>("media_type", MediaTypeLabel(type)),
            new KeyValuePair<string, object?>("outcome", outcome.Outcome), new KeyValuePair<string, object?>("reason", outcome.Reason));

    public void DownloadEnded(string route, string outcome, long startedAt, long? bodyBytes)
    {
        var routeTag = new KeyValuePair<string, object?>("route", route);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        _downloads.Add(1, routeTag, outcomeTag);
        _downloadDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, routeTag, outcomeTag);
        if (bodyBytes is { } bytes)
        {
            _downloadSize.Record(bytes, routeTag);
        }
    }
}

/// <summary>How an upload ended: <c>stored</c> (reason <c>none</c>), <c>refused</c> by a rule, <c>failed</c>, or <c>aborted</c> by the client.</summary>
public readonly record struct UploadOutcome(string Outcome, string Reason)
{
    public static readonly UploadOutcome Stored = new("stored", "none");
    public static readonly UploadOutcome Aborted = new("aborted", "client");

    /// <summary>A retry with the same Idempotency-Key: answered with the first upload's file, nothing stored.</summary>
    public static readonly UploadOutcome Replayed = new("replayed", "idempotency_key");

    /// <summary>A rate limit (uploads at once, per user per hour) refused it with 429.</summary>
    public static readonly UploadOutcome RateLimited = new("refused", "rate_limited");

    public static UploadOutcome Refused(string reason) => new("refused", reason);

    public static UploadOutcome Failed(string reason) => new("failed", reason);
}
