using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Media.Privacy;

/// <summary>Chooses each format's strip.</summary>
internal sealed class MetadataStripper : IMetadataStripper
{
    public IMetadataStrip Begin(MediaFormat format) =>
        format == MediaFormat.Jpeg ? new JpegStrip()
        : format == MediaFormat.Png ? new PngStrip()
        : new Mp4Strip();
}
