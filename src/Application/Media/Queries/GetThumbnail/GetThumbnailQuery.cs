using System.Security.Cryptography;
using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Queries.GetThumbnail;

public sealed record GetThumbnailQuery(int FileId, int Size) : IQuery<ThumbnailContent>
{
    public const string SizeField = "size";
}

/// <summary>A thumbnail's bytes, opened for reading, with what its HTTP answer needs.</summary>
public sealed record ThumbnailContent(Stream Content, string ContentType, string ETag, DateTime LastModified);

/// <summary>
/// Serves a thumbnail of one of the caller's images: the stored one when it exists, otherwise it is
/// made now (bounded by the maker), stored beside the original without overwriting (of two requests
/// making it at once, the second's commit finds it there and is dropped), and served.
/// </summary>
public sealed class GetThumbnailQueryHandler(
    IMediaFileRepository mediaFiles,
    IFileStore store,
    IThumbnailMaker maker,
    ICurrentUser currentUser) : IQueryHandler<GetThumbnailQuery, ThumbnailContent>
{
    public async ValueTask<ThumbnailContent> Handle(GetThumbnailQuery query, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedDtoAsync(currentUser.Id, query.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        var sizeName = query.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!file.Thumbnails.TryGetValue(sizeName, out var dimensions))
        {
            throw new NotFoundException("This file has no thumbnail: only images whose size could be read have one.");
        }

        // The original never changes, so neither does its thumbnail: one validator per original and preset.
        var etag = $"\"{file.Sha256}-{sizeName}\"";
        var key = MediaStorageKeys.For(file.UserId, file.PersonaId, ThumbnailPresets.StoredName(file.Filename, query.Size));
        if (await store.OpenReadAsync(key, cancellationToken) is { } stored)
        {
            return new ThumbnailContent(stored, ThumbnailPresets.ContentType, etag, file.CreatedAt);
        }

        byte[]? webp;
        await using (var original = await store.OpenReadAsync(MediaStorageKeys.For(file.UserId, file.PersonaId, file.Filename), cancellationToken)
            ?? throw new NotFoundException("File content not found"))
        {
            webp = await maker.MakeAsync(original, dimensions.Width, dimensions.Height, cancellationToken);
        }

        if (webp is null)
        {
            throw new NotFoundException("This file has no thumbnail: the image could not be decoded.");
        }

        await using (var upload = await store.BeginUploadAsync(key, cancellationToken))
        {
            await upload.WriteAsync(webp, cancellationToken);
            try
            {
                await upload.CommitAsync(ThumbnailPresets.ContentType, Convert.ToHexStringLower(SHA256.HashData(webp)), cancellationToken);
            }
            catch (FileAlreadyExistsException)
            {
                // Another request made it first; its bytes and these are the same picture.
            }
        }

        return new ThumbnailContent(new MemoryStream(webp, writable: false), ThumbnailPresets.ContentType, etag, file.CreatedAt);
    }
}
