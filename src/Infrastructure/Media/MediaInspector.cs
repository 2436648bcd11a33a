using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>Chooses the reader of each format: libvips for JPEG and PNG, the box reader for MP4.</summary>
internal sealed class MediaInspector(ILogger<MediaInspector> logger) : IMediaInspector
{
    public IMediaInspection Begin(MediaFormat format, MediaInspectionLimits limits) =>
        format == MediaFormat.Mp4 ? new Mp4Inspection() : new ImageInspection(format, limits, logger);
}
