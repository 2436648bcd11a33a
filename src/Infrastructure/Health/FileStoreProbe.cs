using System.Security.Cryptography;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Health;

/// <summary>
/// The store's part of readiness: a small object of real bytes written through the store's own
/// upload path (temporary name, commit, on local disk flushed to the disk), read back, compared and
/// deleted. An empty probe file still fits on a full disk; these bytes need room, as uploads do.
/// </summary>
internal static class FileStoreProbe
{
    public const int Size = 4096;

    /// <summary>Outside every user's folder: user ids are numbers, and keys may start with '_'.</summary>
    public const string Folder = "_health";

    public static async Task<string?> ProblemAsync(IFileStore store, CancellationToken cancellationToken)
    {
        var key = $"{Folder}/{Guid.NewGuid():N}.probe";
        var bytes = RandomNumberGenerator.GetBytes(Size);
        await using (var upload = await store.BeginUploadAsync(key, cancellationToken))
        {
            await upload.WriteAsync(bytes, cancellationToken);
            await upload.CommitAsync("application/octet-stream", Convert.ToHexStringLower(SHA256.HashData(bytes)), cancellationToken);
        }

        try
        {
            await using var read = await store.OpenReadAsync(key, cancellationToken);
            if (read is null)
            {
                return "The probe object was written but cannot be found.";
            }

            var back = new byte[Size + 1];
            var length = await read.ReadAtLeastAsync(back, back.Length, throwOnEndOfStream: false, cancellationToken);
            return back.AsSpan(0, length).SequenceEqual(bytes) ? null : "The probe object reads back different bytes.";
        }
        finally
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
    }
}
