using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>The idempotency keys of uploads; see <see cref="UploadIdempotencyKey"/>.</summary>
public interface IUploadIdempotencyKeyRepository
{
    /// <summary>Inserted with the next save, together with the file it names.</summary>
    void Add(UploadIdempotencyKey key);

    /// <summary>
    /// The user's key, untracked, whether or not it has expired; null when the user never sent it
    /// or its file is gone.
    /// </summary>
    Task<UploadIdempotencyKey?> FindAsync(int userId, string key, CancellationToken cancellationToken);

    /// <summary>Removes the user's key if it expired before <paramref name="now"/>, so the key can be used again.</summary>
    Task RemoveIfExpiredAsync(int userId, string key, DateTime now, CancellationToken cancellationToken);

    /// <summary>Removes up to <paramref name="limit"/> keys that expired before <paramref name="now"/>; returns how many went.</summary>
    Task<int> RemoveExpiredAsync(DateTime now, int limit, CancellationToken cancellationToken);
}
