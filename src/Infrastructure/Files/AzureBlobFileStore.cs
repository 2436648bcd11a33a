using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Keeps files as block blobs named by their key in one container. An upload stages a block each
/// time <see cref="AzureBlobFileStoreOptions.BlockSize"/> bytes have arrived, so memory per upload
/// is one block whatever the file's size, and commits the block list only when told to, on the
/// condition that no blob exists under the key yet. Staged blocks that are never committed are
/// invisible to readers and discarded by the service.
/// </summary>
internal sealed class AzureBlobFileStore : IFileStore
{
    public const string Sha256MetadataKey = "sha256";

    private const int DeletePageSize = 500;

    private readonly int _blockSize;

    public AzureBlobFileStore(IOptions<AzureBlobFileStoreOptions> options)
        : this(CreateContainerClient(options.Value), options.Value.BlockSize)
    {
    }

    public AzureBlobFileStore(BlobContainerClient container, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, AzureBlobFileStoreOptions.MinBlockSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockSize, AzureBlobFileStoreOptions.MaxBlockSize);
        Container = container;
        _blockSize = blockSize;
    }

    public BlobContainerClient Container { get; }

    /// <summary>
    /// The SDK retries throttling (429, 503), server errors and dropped connections by itself; these
    /// values keep a single operation within about half a minute of retrying before it fails.
    /// </summary>
    public static BlobClientOptions CreateClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    public static BlobContainerClient CreateContainerClient(AzureBlobFileStoreOptions options)
    {
        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var service = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ServiceUri, new DefaultAzureCredential(), CreateClientOptions())
            : new BlobServiceClient(options.ConnectionString, CreateClientOptions());
        return service.GetBlobContainerClient(options.Container);
    }

    public Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.Validate(key);
        return Task.FromResult<IFileUpload>(new BlockUpload(key, Container.GetBlockBlobClient(key), _blockSize));
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.Validate(key);
        try
        {
            // Seekable, reads one block per request, and fails rather than mixing bytes if the blob changes.
            return await Container.GetBlobClient(key).OpenReadAsync(
                new BlobOpenReadOptions(allowModifications: false) { BufferSize = _blockSize }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.Validate(key);
        var response = await Container.GetBlobClient(key)
            .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        return response.Value;
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.EndsWith('/'))
        {
            throw new ArgumentException($"'{prefix}' is not a folder prefix: it must end with '/'.", nameof(prefix));
        }

        StorageKeys.Validate(prefix.TrimEnd('/'));
        var deleted = 0;
        // Listed by prefix, a page at a time (the SDK follows the continuation tokens): a persona
        // with many files never holds them all in memory.
        await foreach (var page in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken)
            .AsPages(pageSizeHint: DeletePageSize))
        {
            foreach (var blob in page.Values)
            {
                var response = await Container.GetBlobClient(blob.Name)
                    .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                if (response.Value)
                {
                    deleted++;
                }
            }
        }

        return deleted;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0)
        {
            StorageKeys.Validate(prefix.TrimEnd('/'));
        }

        await foreach (var page in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken)
            .AsPages(pageSizeHint: DeletePageSize))
        {
            foreach (var blob in page.Values)
            {
                yield return new StoredObject(
                    blob.Name,
                    blob.Properties.ContentLength ?? 0,
                    blob.Properties.LastModified ?? DateTimeOffset.MinValue);
            }
        }
    }

    /// <summary>
    /// Nothing to do: staged blocks that no upload committed are not blobs, and Azure Storage
    /// discards them itself after a week.
    /// </summary>
    public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);

    private sealed class BlockUpload(string key, BlockBlobClient blob, int blockSize) : IFileUpload
    {
        // Every upload to a key stages into the same uncommitted block list, so ids carry the
        // upload's own prefix: racing uploads of one key can never commit each other's blocks.
        private readonly Guid _uploadId = Guid.NewGuid();
        private readonly List<string> _blockIds = [];
        private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        private int _buffered;
        private bool _finished;

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            var buffer = Buffer();
            while (!chunk.IsEmpty)
            {
                var take = Math.Min(chunk.Length, blockSize - _buffered);
                chunk[..take].CopyTo(buffer.AsMemory(_buffered));
                _buffered += take;
                chunk = chunk[take..];
                if (_buffered == blockSize)
                {
                    await StageBufferedAsync(cancellationToken);
                }
            }
        }

        public async Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken)
        {
            Buffer();
            if (_buffered > 0)
            {
                await StageBufferedAsync(cancellationToken);
            }

            _finished = true;
            try
            {
                await blob.CommitBlockListAsync(_blockIds, new CommitBlockListOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Metadata = new Dictionary<string, string> { [Sha256MetadataKey] = sha256Hex },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                throw new FileAlreadyExistsException(key);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.InvalidBlockList)
            {
                // Another upload committed this key first, which discards every other upload's
                // staged blocks; report the taken key rather than the blocks it swept away.
                if (await blob.ExistsAsync(cancellationToken))
                {
                    throw new FileAlreadyExistsException(key);
                }

                throw;
            }
            finally
            {
                ReturnBuffer();
            }
        }

        public ValueTask DisposeAsync()
        {
            // Nothing to delete: uncommitted blocks are invisible and the service discards them.
            _finished = true;
            ReturnBuffer();
            return ValueTask.CompletedTask;
        }

        private async Task StageBufferedAsync(CancellationToken cancellationToken)
        {
            var id = BlockId(_blockIds.Count);
            try
            {
                using var content = new MemoryStream(_buffer!, 0, _buffered, writable: false);
                await blob.StageBlockAsync(id, content, new BlockBlobStageBlockOptions
                {
                    TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
                }, cancellationToken);
            }
            catch
            {
                // A block that may be missing must never be committed.
                _finished = true;
                ReturnBuffer();
                throw;
            }

            _blockIds.Add(id);
            _buffered = 0;
        }

        /// <summary>Ids of one blob's blocks must all have the same length: upload id, then block number.</summary>
        private string BlockId(int index)
        {
            Span<byte> id = stackalloc byte[20];
            _uploadId.TryWriteBytes(id);
            BinaryPrimitives.WriteInt32BigEndian(id[16..], index);
            return Convert.ToBase64String(id);
        }

        private byte[] Buffer() =>
            _finished || _buffer is null
                ? throw new InvalidOperationException($"The upload of '{key}' is already committed, failed or disposed.")
                : _buffer;

        private void ReturnBuffer()
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }
}
