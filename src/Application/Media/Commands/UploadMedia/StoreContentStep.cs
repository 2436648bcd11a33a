using System.Buffers;
using System.Security.Cryptography;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// The upload's hot loop: moves the (checked) bytes to the store in pooled chunks and hashes what
/// it stores. Memory stays at one chunk whatever the file's size. The bytes stay invisible until
/// the record step commits them.
/// </summary>
public sealed class StoreContentStep(IFileStore store) : IUploadStep
{
    public const int ChunkSize = 64 * 1024;

    public UploadStage Stage => UploadStage.Store;

    public async ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        var target = await store.BeginUploadAsync(upload.StorageKey, cancellationToken);
        upload.StoredContent = target;

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            int read;
            // Whole chunks, however finely the source hands its bytes out: the hash and the
            // store then see one call per 64 KiB, and a file write costs the same for 4 KiB as
            // for 64 KiB.
            while ((read = await upload.Content.ReadAtLeastAsync(
                buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                length += read;
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            upload.Length = length;
            upload.Sha256 = Convert.ToHexStringLower(hash.GetCurrentHash());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
