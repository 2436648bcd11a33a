using System.Globalization;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>The <c>Storage:Reconciler</c> configuration section: how often and how boldly the store is squared with the database.</summary>
public sealed class ReconcilerOptions
{
    public const string SectionName = "Storage:Reconciler";

    /// <summary>Off, the service never lists its store; deletions still happen on every request.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between two passes; the first runs a minute after start (or after one interval, if shorter).</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>
    /// Only objects, temporary files and empty folders older than this are touched. It must exceed
    /// the longest upload: one that trickles at Kestrel's minimum data rate can take hours.
    /// </summary>
    public int GraceMinutes { get; set; } = 1440;

    /// <summary>
    /// When more than this share of the store's media objects have no row, nothing is deleted and
    /// the pass only reports: a database restored from an old backup, or the wrong database, looks
    /// exactly like that.
    /// </summary>
    public double MaxDeleteShare { get; set; } = 0.1;

    /// <summary>Only report what would be removed; remove nothing.</summary>
    public bool ReportOnly { get; set; }

    /// <summary>Rows read per round trip when looking for files whose bytes are missing.</summary>
    public int BatchSize { get; set; } = 1000;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);

    public TimeSpan Grace => TimeSpan.FromMinutes(GraceMinutes);

    public IEnumerable<string> Problems()
    {
        if (IntervalMinutes is < 1 or > 10_080)
        {
            yield return $"{SectionName}:IntervalMinutes is {IntervalMinutes}; use 1 to 10080.";
        }

        if (GraceMinutes is < 1 or > 525_600)
        {
            yield return $"{SectionName}:GraceMinutes is {GraceMinutes}; use 1 to 525600.";
        }

        if (double.IsNaN(MaxDeleteShare) || MaxDeleteShare is < 0 or > 1)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:MaxDeleteShare is {MaxDeleteShare}; use 0 to 1 (0.1 = at most a tenth of the store).");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"{SectionName}:BatchSize is {BatchSize}; use 1 to 10000.";
        }
    }
}
