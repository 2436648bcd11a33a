using PersonaMedia.Domain.Media;
using Riok.Mapperly.Abstractions;

namespace PersonaMedia.Application.Media;

[Mapper]
public static partial class MediaFileMapper
{
    [MapProperty(nameof(MediaFile.FileName), nameof(MediaFileDto.Filename))]
    [MapProperty(nameof(MediaFile.OriginalFileName), nameof(MediaFileDto.OriginalFilename))]
    [MapperIgnoreTarget(nameof(MediaFileDto.DownloadUrl))]
    [MapperIgnoreTarget(nameof(MediaFileDto.Thumbnails))]
    [MapperIgnoreTarget(nameof(MediaFileDto.ThumbnailUrls))]
    public static partial MediaFileDto ToDto(this MediaFile file);

    /// <summary>Projects in the database: only the DTO's columns are read, nothing is tracked.</summary>
    public static partial IQueryable<MediaFileDto> ProjectToDto(this IQueryable<MediaFile> files);
}
