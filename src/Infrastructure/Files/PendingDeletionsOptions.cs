namespace PersonaMedia.Infrastructure.Files;

/// <summary>The <c>Storage:PendingDeletions</c> configuration section: how owed store deletions are retried.</summary>
public sealed class PendingDeletionsOptions
{
    public const string SectionName = "Storage:PendingDeletions";

    /// <summary>Seconds between two passes of the retrier; each pass takes every entry that is due.</summary>
    public int RetryIntervalSeconds { get; set; } = 60;

    /// <summary>Entries read and retried per round trip to the database.</summary>
    public int BatchSize { get; set; } = 100;

    public IEnumerable<string> Problems()
    {
        if (RetryIntervalSeconds is < 1 or > 86_400)
        {
            yield return $"Storage:PendingDeletions:RetryIntervalSeconds is {RetryIntervalSeconds}; use 1 to 86400.";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"Storage:PendingDeletions:BatchSize is {BatchSize}; use 1 to 10000.";
        }
    }
}
