using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Keeps files on local disk at <c>{root}/{key}</c>. A file is written under a temporary name in
/// its final folder and renamed into place only when committed; the rename never replaces an
/// existing file, and no key can reach outside the root.
/// </summary>
internal sealed class LocalFileStore : IFileStore
{
    internal const string TemporarySuffix = ".partial";

    private readonly string _root;
    private readonly bool _flushToDisk;

    public LocalFileStore(IOptions<LocalFileStoreOptions> options, string contentRoot)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.RootPath, contentRoot))
            + Path.DirectorySeparatorChar;
        _flushToDisk = options.Value.FlushToDisk;
        Directory.CreateDirectory(_root);
    }

    public string RootPath => _root;

    public Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}{TemporarySuffix}");
        // Folders this upload brings into being must reach the disk with its name; see CommitAsync.
        var newFolders = NewFolders(folder);
        FileStream stream;
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(folder);
            try
            {
                stream = new FileStream(temporary, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    // Written synchronously, see LocalFileUpload.WriteAsync.
                    Options = FileOptions.None,
                    BufferSize = 0,
                });
                break;
            }
            catch (DirectoryNotFoundException) when (attempt < 3)
            {
                // A delete removed the folder as it became empty, between its creation and this file's.
            }
        }

        return Task.FromResult<IFileUpload>(new LocalFileUpload(key, path, temporary, stream, _flushToDisk, newFolders, this));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = 0,
            }));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var folder = ResolveFolder(prefix);
        var deleted = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    File.Delete(file);
                    deleted++;
                }
                catch (DirectoryNotFoundException)
                {
                    // Gone already: another delete of the same prefix got there first.
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                TryRemoveEmptyFolder(sub);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored under the prefix, or another delete removed it.
        }

        RemoveEmptyFolders(folder);
        return Task.FromResult(deleted);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var start = prefix.Length == 0 ? _root : ResolveFolder(prefix);
        var folders = new Stack<string>();
        folders.Push(start);
        while (folders.TryPop(out var folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (DirectoryNotFoundException)
            {
                // Removed while listing: its files went with it.
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo)
                {
                    folders.Push(entry.FullName);
                }
                else if (!entry.Name.StartsWith('.') && entry is FileInfo file)
                {
                    // Temporary files start with a dot; committed names never do.
                    yield return new StoredObject(
                        Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'),
                        file.Length,
                        file.LastWriteTimeUtc);
                }
            }

            // One folder's entries at a time, off the caller's thread between folders.
            await Task.Yield();
        }
    }

    public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var removed = 0;
        var all = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            // Temporary names start with a dot, which .NET counts as hidden and skips by default.
            AttributesToSkip = FileAttributes.None,
            IgnoreInaccessible = true,
        };
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*" + TemporarySuffix, all))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.Name.StartsWith('.') && file.LastWriteTimeUtc < cutoff.UtcDateTime && TryDelete(file))
            {
                removed++;
            }
        }

        // Deepest first, so a folder whose only content was an empty folder goes too. A folder an
        // upload is about to write into is new, so younger than the cutoff.
        foreach (var folder in new DirectoryInfo(_root).EnumerateDirectories("*", all)
                     .OrderByDescending(d => d.FullName.Length).ToList())
        {
            if (folder.LastWriteTimeUtc < cutoff.UtcDateTime && TryRemoveEmptyFolder(folder.FullName))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    private static bool TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes the folder if it is empty, then its parents up to (not including) the root. A folder
    /// an upload has just created is empty for a moment; that upload retries its creation
    /// (see <see cref="BeginUploadAsync"/>), and a rename into a removed folder fails and is reported
    /// by the upload like any other store failure.
    /// </summary>
    internal void RemoveEmptyFolders(string folder)
    {
        var current = Path.TrimEndingDirectorySeparator(folder);
        while (current.Length + 1 > _root.Length && current.StartsWith(_root, StringComparison.Ordinal)
            && TryRemoveEmptyFolder(current))
        {
            current = Path.GetDirectoryName(current)!;
        }
    }

    private static bool TryRemoveEmptyFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: false);
            return true;
        }
        catch (IOException)
        {
            // Not empty (or already gone): someone else's file, or an upload that just began.
            return false;
        }
    }

    /// <summary>The folders from the root down to <paramref name="folder"/> that do not exist yet, innermost first.</summary>
    private List<string> NewFolders(string folder)
    {
        var missing = new List<string>();
        for (var current = Path.TrimEndingDirectorySeparator(folder);
             current.Length >= _root.Length && !Directory.Exists(current);
             current = Path.GetDirectoryName(current)!)
        {
            missing.Add(current);
        }

        return missing;
    }

    private string ResolveFolder(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.EndsWith('/'))
        {
            throw new ArgumentException($"'{prefix}' is not a folder prefix: it must end with '/'.", nameof(prefix));
        }

        return Resolve(prefix.TrimEnd('/'));
    }

    /// <summary>The full path of a key, refusing any that would resolve outside the root.</summary>
    private string Resolve(string key)
    {
        StorageKeys.Validate(key);
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' resolves outside the store.", nameof(key));
        }

        return path;
    }

    private sealed class LocalFileUpload(
        string key,
        string path,
        string temporary,
        FileStream stream,
        bool flushToDisk,
        IReadOnlyList<string> newFolders,
        LocalFileStore store) : IFileUpload
    {
        private bool _committed;
        private bool _closed;

        /// <summary>
        /// On Linux an "asynchronous" file write is the same write(2) run on another thread-pool
        /// thread, so each 64 KiB chunk paid a hop and a wake-up for a copy into the page cache that
        /// takes microseconds. Written in place instead; the fsync that makes it durable is in
        /// <see cref="CommitAsync"/>.
        /// </summary>
        public ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Write(chunk.Span);
            return ValueTask.CompletedTask;
        }

        public async Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken)
        {
            if (flushToDisk)
            {
                stream.Flush(flushToDisk: true);
            }

            await CloseAsync();
            if (!ExclusiveMove.TryMove(temporary, path))
            {
                throw new FileAlreadyExistsException(key);
            }

            if (flushToDisk)
            {
                try
                {
                    // The new name, and every folder this upload created, in the folder that holds it.
                    FolderFlush.Flush(Path.GetDirectoryName(path)!);
                    foreach (var created in newFolders)
                    {
                        FolderFlush.Flush(Path.GetDirectoryName(created)!);
                    }
                }
                catch (IOException)
                {
                    // Not durable, so not committed: the caller records no row for it.
                    File.Delete(path);
                    throw;
                }
            }

            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await CloseAsync();
            if (!_committed)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (DirectoryNotFoundException)
                {
                    // The persona's folder was deleted with it while the upload streamed.
                }

                store.RemoveEmptyFolders(Path.GetDirectoryName(temporary)!);
            }
        }

        private async ValueTask CloseAsync()
        {
            if (!_closed)
            {
                _closed = true;
                await stream.DisposeAsync();
            }
        }
    }
}
