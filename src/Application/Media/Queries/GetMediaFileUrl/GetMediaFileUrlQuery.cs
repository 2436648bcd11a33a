using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Application.Media.Queries.GetMediaFileUrl;

/// <param name="Disposition"><c>inline</c> or <c>attachment</c>; null for inline.</param>
/// <param name="ExpiresIn">Seconds the URL lives; null for the configured default.</param>
public sealed record GetMediaFileUrlQuery(int FileId, string? Disposition, int? ExpiresIn) : IQuery<MediaFileUrlDto>
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
        return urls.For(file.Id, disposition, lifetime);
    }
}
