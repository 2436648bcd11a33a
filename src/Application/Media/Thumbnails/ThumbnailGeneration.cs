using System.Security.Cryptography;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Thumbnails;

/// <summary>How one background job on a file ended.</summary>
public enum ThumbnailJobOutcome
{
    /// <summary>Every preset is stored and the file says so.</summary>
    Ready,

    /// <summary>The pixels did not decode or took too long: the file has none, and says so.</summary>
    Failed,

    /// <summary>Nothing to do: the row is gone, or its thumbnails were settled already (another worker, another replica).</summary>
    Skipped,
}

/// <summary>
/// Makes a file's thumbnails and stores them beside the original, never overwriting: for a request
/// that asks for one preset (<see cref="Queries.GetThumbnail.GetThumbnailQueryHandler"/>) and for the
/// background worker, which makes every preset and then records the file's state. Both go through the
/// one <see cref="IThumbnailMaker"/>, so they share its bound on concurrent work.
/// </summary>
public sealed class ThumbnailGeneration(IMediaFileRepository mediaFiles, IFileStore store, IThumbnailMaker maker, StoredFileRemover storedFiles)
{
    /// <summary>
    /// The stored thumbnail, or one made now and stored (of two made at once, the second's copy is
    /// dropped: the same picture). Null when the image does not decode or takes longer than a job is given.
    /// </summary>
    public async Task<Stream?> OpenOrMakeAsync(
        MediaFileDto file, int size, ThumbnailFormat format, ThumbnailDto dimensions, CancellationToken cancellationToken)
    {
        var key = KeyOf(file, size, format);
        if (await store.OpenReadAsync(key, cancellationToken) is { } stored)
        {
            return stored;
        }

        var bytes = await MakeAsync(file, dimensions, format, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        await StoreAsync(key, bytes, ThumbnailPresets.ContentTypeOf(format), cancellationToken);
        return new MemoryStream(bytes, writable: false);
    }

    /// <summary>
    /// The background job: every preset of a pending file not yet in the store is made and stored, then
    /// the file is marked ready (or failed, storing nothing). A store or database fault throws and leaves
    /// the file pending, for the next sweep. A file deleted meanwhile takes what was just stored with it.
    /// </summary>
    public async Task<ThumbnailJobOutcome> MakeAllAsync(int fileId, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindDtoAsync(fileId, cancellationToken);
        if (file is not { ThumbnailState: ThumbnailState.Pending, Width: { } width, Height: { } height })
        {
            return file is { ThumbnailState: ThumbnailState.Pending }
                ? await SettleAsync(file, ThumbnailState.Failed, [], cancellationToken)
                : ThumbnailJobOutcome.Skipped;
        }

        var made = new List<string>();
        foreach (var size in ThumbnailPresets.Sizes)
        {
            var key = KeyOf(file, size, ThumbnailFormat.Webp);
            if (await store.OpenReadAsync(key, cancellationToken) is { } existing)
            {
                await existing.DisposeAsync();
                continue;
            }

            var webp = await MakeAsync(file, ThumbnailPresets.Scaled(width, height, size), ThumbnailFormat.Webp, cancellationToken);
            if (webp is null)
            {
                return await SettleAsync(file, ThumbnailState.Failed, made, cancellationToken);
            }

            await StoreAsync(key, webp, ThumbnailPresets.ContentType, cancellationToken);
            made.Add(key);
        }

        return await SettleAsync(file, ThumbnailState.Ready, made, cancellationToken);
    }

    private async Task<ThumbnailJobOutcome> SettleAsync(MediaFileDto file, ThumbnailState state, List<string> made, CancellationToken cancellationToken)
    {
        if (state == ThumbnailState.Failed)
        {
            // A failed file lists none, so none of its presets may stay (one made on demand before included).
            made = [.. ThumbnailPresets.AllStoredNames(file.Filename).Select(name => MediaStorageKeys.For(file.UserId, file.PersonaId, name))];
        }

        if (await mediaFiles.SettleThumbnailsAsync(file.Id, state, cancellationToken))
        {
            if (state == ThumbnailState.Failed)
            {
                await DeleteAsync(made);
            }

            return state == ThumbnailState.Ready ? ThumbnailJobOutcome.Ready : ThumbnailJobOutcome.Failed;
        }

        // Settled by someone else, or deleted while this job ran: then its delete may have missed what was just stored.
        if (await mediaFiles.FindDtoAsync(file.Id, cancellationToken) is null)
        {
            await DeleteAsync(made);
        }

        return ThumbnailJobOutcome.Skipped;
    }

    private async Task DeleteAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await storedFiles.DeleteUnrecordedAsync(key);
        }
    }

    private async Task<byte[]?> MakeAsync(MediaFileDto file, ThumbnailDto dimensions, ThumbnailFormat format, CancellationToken cancellationToken)
    {
        await using var original = await store.OpenReadAsync(MediaStorageKeys.For(file.UserId, file.PersonaId, file.Filename), cancellationToken);
        return original is null ? null : await maker.MakeAsync(original, dimensions.Width, dimensions.Height, format, cancellationToken);
    }

    private async Task StoreAsync(string key, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        await using var upload = await store.BeginUploadAsync(key, cancellationToken);
        await upload.WriteAsync(bytes, cancellationToken);
        try
        {
            await upload.CommitAsync(contentType, Convert.ToHexStringLower(SHA256.HashData(bytes)), cancellationToken);
        }
        catch (FileAlreadyExistsException)
        {
            // Made by another request or worker first; its bytes and these are the same picture.
        }
    }

    private static string KeyOf(MediaFileDto file, int size, ThumbnailFormat format) =>
        MediaStorageKeys.For(file.UserId, file.PersonaId, ThumbnailPresets.StoredName(file.Filename, size, format));
}
