using PersonaMedia.Application.Common.Models;
using PersonaMedia.Application.Media;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Media file rows, always looked up through their owner so another user's id is simply not found.</summary>
public interface IMediaFileRepository
{
    void Add(MediaFile file);

    void Remove(MediaFile file);

    /// <summary>The tracked file, for changing or deleting it; null when it is not the user's.</summary>
    Task<MediaFile?> FindOwnedAsync(int userId, int fileId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the file's description only if its row still has <paramref name="expectedUpdatedAt"/>,
    /// in one statement (see <see cref="IPersonaRepository.SaveIfUnchangedAsync"/>). False when the
    /// row has changed or is gone.
    /// </summary>
    Task<bool> SaveIfUnchangedAsync(MediaFile file, DateTime expectedUpdatedAt, CancellationToken cancellationToken);

    Task<MediaFileDto?> FindOwnedDtoAsync(int userId, int fileId, CancellationToken cancellationToken);

    /// <summary>
    /// The file whoever its owner: only for a caller whose right to it was proven another way (a
    /// signed media URL, which only the owner can obtain). Null when the row is gone.
    /// </summary>
    Task<MediaFileDto?> FindDtoAsync(int fileId, CancellationToken cancellationToken);

    /// <summary>One page of a persona's files, newest first (ties: higher id first), optionally of one media type.</summary>
    Task<Page<MediaFileDto>> ListByPersonaAsync(
        int userId, int personaId, MediaType? mediaType, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>Where the bytes of every file of the persona are stored.</summary>
    Task<IReadOnlyList<string>> ListStorageKeysOfPersonaAsync(int userId, int personaId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes up to one batch (<c>Database:DeleteBatchSize</c>) of the persona's rows, with the
    /// user's stored-byte count, in one short transaction of its own; returns how many went and
    /// whether that was a full batch.
    /// </summary>
    Task<(int Removed, bool FullBatch)> RemoveBatchOfPersonaAsync(int userId, int personaId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> ids of files whose thumbnails are still to be made, above <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<int>> ListPendingThumbnailsAsync(int afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the file's thumbnails are <paramref name="state"/>, only if they are still pending,
    /// in one statement. False when the row is gone or another worker has already settled it.
    /// </summary>
    Task<bool> SettleThumbnailsAsync(int fileId, ThumbnailState state, CancellationToken cancellationToken);

    /// <summary>The user's file count and byte total per persona and media type, aggregated by the database.</summary>
    Task<IReadOnlyList<MediaUsage>> GetUsageAsync(int userId, CancellationToken cancellationToken);
}

/// <summary>One group of the usage aggregate.</summary>
public sealed record MediaUsage(int PersonaId, MediaType MediaType, int Count, long TotalSize);
