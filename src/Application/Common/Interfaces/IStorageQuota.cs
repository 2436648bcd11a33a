namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// How many bytes each user may keep, and how many they keep. The database holds the count beside the
/// rows and enforces the quota itself when a file's row is inserted (the unit of work refuses the
/// insert with <see cref="Exceptions.QuotaExceededException"/>), so concurrent uploads cannot pass it
/// together; what this port reads is for refusing early and for the statistics.
/// </summary>
public interface IStorageQuota
{
    /// <summary>The configured quota, <c>Media:QuotaBytesPerUser</c>.</summary>
    long BytesPerUser { get; }

    /// <summary>The bytes of the user's recorded files, as last committed.</summary>
    Task<long> GetUsedBytesAsync(int userId, CancellationToken cancellationToken);
}
