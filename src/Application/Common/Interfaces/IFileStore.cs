namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Where media bytes live, addressed by keys laid out by <see cref="MediaStorageKeys"/>. Implemented on
/// local disk and on Azure Blob Storage; both honour the same contract.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Starts writing a new file under <paramref name="key"/>. Its bytes are invisible under the
    /// key until <see cref="IFileUpload.CommitAsync"/>; disposing the upload without committing
    /// discards them. Throws <see cref="ArgumentException"/> for a key that is malformed or would
    /// resolve outside the store.
    /// </summary>
    Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the whole file for reading, seekable, so HTTP range requests can be served from it.
    /// Null when there is no file under the key.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the file; false when there was none. A folder left empty (local disk) goes with it,
    /// so deleted personas leave no empty <c>{user}/{persona}/</c> behind.
    /// </summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every object whose key starts with <paramref name="prefix"/> (a folder: segments
    /// ending in '/'), temporary files of uploads still in flight included, and returns how many
    /// went. Those uploads then fail to commit, which is right: their folder's owner is gone.
    /// </summary>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Every committed object whose key starts with <paramref name="prefix"/> ("" for all), page by
    /// page, in no particular order. Temporary files of uploads in flight are not objects and are
    /// not listed. An object deleted while the listing runs may or may not appear.
    /// </summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Removes what uploads that never finished left behind and last changed before
    /// <paramref name="cutoff"/>: temporary files and empty folders on local disk. A store that
    /// leaves nothing behind (Azure discards uncommitted blocks itself) removes nothing. Returns
    /// how many entries went.
    /// </summary>
    Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>One committed object of a store: its key, size and when it was last written.</summary>
public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified);

/// <summary>A file being written; see <see cref="IFileStore.BeginUploadAsync"/>.</summary>
public interface IFileUpload : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the written bytes visible under the key, with their content type and SHA-256 as
    /// metadata where the store keeps any. Never overwrites: throws
    /// <see cref="FileAlreadyExistsException"/> when the key is taken, leaving the existing file untouched.
    /// </summary>
    Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken);
}

/// <summary>The store already holds a file under the key; nothing was overwritten.</summary>
public sealed class FileAlreadyExistsException(string key)
    : IOException($"The store already holds a file under '{key}'.");
