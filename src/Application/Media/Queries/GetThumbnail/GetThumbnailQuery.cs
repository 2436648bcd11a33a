using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Thumbnails;

namespace PersonaMedia.Application.Media.Queries.GetThumbnail;

public sealed record GetThumbnailQuery(int FileId, int Size) : IQuery<ThumbnailContent>
{
    public const string SizeField = "size";
}

/// <summary>A thumbnail's bytes, opened for reading, with what its HTTP answer needs.</summary>
public sealed record ThumbnailContent(Stream Content, string ContentType, string ETag, DateTime LastModified);

/// <summary>
/// Serves a thumbnail of one of the caller's images: the stored one when it exists (the background
/// worker makes them after the upload), otherwise it is made now, under the same bound as the
/// worker's jobs, stored beside the original and served (see <see cref="ThumbnailGeneration"/>).
/// </summary>
public sealed class GetThumbnailQueryHandler(
    IMediaFileRepository mediaFiles,
    ThumbnailGeneration thumbnails,
    ICurrentUser currentUser) : IQueryHandler<GetThumbnailQuery, ThumbnailContent>
{
    public async ValueTask<ThumbnailContent> Handle(GetThumbnailQuery query, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedDtoAsync(currentUser.Id, query.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        var sizeName = query.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!file.Thumbnails.TryGetValue(sizeName, out var dimensions))
        {
            throw new NotFoundException("This file has no thumbnail: only images whose size could be read and whose pixels decode have one.");
        }

        var content = await thumbnails.OpenOrMakeAsync(file, query.Size, dimensions, cancellationToken)
            ?? throw new NotFoundException("This file has no thumbnail: the image could not be decoded.");

        // The original never changes, so neither does its thumbnail: one validator per original and preset.
        return new ThumbnailContent(content, ThumbnailPresets.ContentType, $"\"{file.Sha256}-{sizeName}\"", file.CreatedAt);
    }
}
