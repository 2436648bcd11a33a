namespace PersonaMedia.Infrastructure.Quota;

/// <summary>The per-user storage quota of the <c>Media</c> section.</summary>
public sealed class StorageQuotaOptions
{
    public const string SectionName = "Media";

    /// <summary>1 GiB.</summary>
    public const long DefaultQuotaBytesPerUser = 1L << 30;

    /// <summary>The bytes of stored files one user may keep, counted over all their personas.</summary>
    public long QuotaBytesPerUser { get; set; } = DefaultQuotaBytesPerUser;

    public IEnumerable<string> Problems()
    {
        if (QuotaBytesPerUser < 1)
        {
            yield return $"Media:QuotaBytesPerUser {QuotaBytesPerUser} must be at least 1 (bytes); "
                + $"set Media__QuotaBytesPerUser (default {DefaultQuotaBytesPerUser}, 1 GiB).";
        }
    }
}
