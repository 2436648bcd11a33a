using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Thumbnails;

namespace PersonaMedia.Application.Media.Queries.GetThumbnail;

/// <param name="Format"><c>webp</c> (null: the default) or <c>jpeg</c>.</param>
public sealed record GetThumbnailQuery(int FileId, int Size, string? Format = null) : IQuery<ThumbnailContent>
{
    public const string SizeField = "size";
    public const string FormatField = "format";
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

        var format = ThumbnailPresets.Parse(query.Format) ?? throw new InvalidOperationException("The format was not validated.");
        var content = await thumbnails.OpenOrMakeAsync(file, query.Size, format, dimensions, cancellationToken)
            ?? throw new NotFoundException("This file has no thumbnail: the image could not be decoded.");

        return new ThumbnailContent(content, ThumbnailPresets.ContentTypeOf(format), ThumbnailPresets.ETagOf(file.Sha256, query.Size, format), file.CreatedAt);
    }
}
