using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Application.Media.Queries.GetMediaFileUrl;

/// <param name="Disposition"><c>inline</c> or <c>attachment</c>; null for inline.</param>
/// <param name="ExpiresIn">Seconds the URL lives; null for the configured default.</param>
/// <param name="Size">A thumbnail preset (160, 640): the URL serves that thumbnail; null for the original.</param>
/// <param name="Format">The thumbnail's format, <c>webp</c> (null: the default) or <c>jpeg</c>; only with a size.</param>
public sealed record GetMediaFileUrlQuery(int FileId, string? Disposition, int? ExpiresIn, int? Size = null, string? Format = null) : IQuery<MediaFileUrlDto>
{
    public const string Inline = "inline";
    public const string Attachment = "attachment";
}

/// <summary>A signed URL of a file's bytes and the moment it stops working.</summary>
public sealed record MediaFileUrlDto(string Url, DateTime ExpiresAt);

public sealed class GetMediaFileUrlQueryHandler(
    IMediaFileRepository mediaFiles,
    ICurrentUser currentUser,
    MediaUrls urls) : IQueryHandler<GetMediaFileUrlQuery, MediaFileUrlDto>
{
    public async ValueTask<MediaFileUrlDto> Handle(GetMediaFileUrlQuery query, CancellationToken cancellationToken)
    {
        var file = await mediaFiles.FindOwnedDtoAsync(currentUser.Id, query.FileId, cancellationToken)
            ?? throw NotFoundException.MediaFile();
        var disposition = query.Disposition == GetMediaFileUrlQuery.Attachment ? MediaDisposition.Attachment : MediaDisposition.Inline;
        var lifetime = query.ExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        if (query.Size is not { } size)
        {
            return urls.For(file.Id, disposition, lifetime);
        }

        if (!file.Thumbnails.ContainsKey(size.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            throw new NotFoundException("This file has no thumbnail: only images whose size could be read and whose pixels decode have one.");
        }

        var format = ThumbnailPresets.Parse(query.Format) ?? throw new InvalidOperationException("The format was not validated.");
        return urls.For(file.Id, disposition, lifetime, MediaVariants.Thumbnail(size, format));
    }
}
