using Microsoft.Extensions.Logging;
using NetVips;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>
/// Reads a JPEG's or PNG's header with libvips. Only the file's first bytes are kept (the headers
/// come first: a PNG's IHDR is its first chunk, a JPEG's frame header follows its APP segments),
/// and libvips is asked for the header alone, so no pixel is decoded and a PNG declaring a
/// gigapixel with a tiny body allocates nothing. Only with <see cref="MediaInspectionLimits.Decode"/>
/// is the whole file kept and decoded, sequentially, and only when its pixel count is within the limit.
/// </summary>
internal sealed partial class ImageInspection(MediaFormat format, MediaInspectionLimits limits, ILogger logger) : IMediaInspection
{
    /// <summary>
    /// Room for a JPEG's APP segments (EXIF, XMP, ICC profiles, at most 64 KiB each) before its frame
    /// header, for any camera's file; a file whose headers run on longer is recorded with its facts unknown.
    /// </summary>
    public const int HeaderBytes = 1024 * 1024;

    private readonly BoundedBuffer _bytes = new(limits.Decode ? (int)MediaRules.MaxFileSizeBytes : HeaderBytes);

    private bool _headerSettled;

    public long? DeclaredPixels { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _bytes.Append(bytes);
        if (!_headerSettled)
        {
            DeclaredPixels = ImageDimensions.DeclaredPixels(format, _bytes.Span, out var final);
            _headerSettled = final || _bytes.Overflowed;
        }
    }

    public MediaInspectionResult Finish()
    {
        var data = _bytes.Span;
        string stage = "its header could not be read";
        try
        {
            LibVips.EnsureReady(logger);

            // libvips picks its loader from the bytes; only the one of the signature's format may read them.
            if (Image.FindLoadBuffer(data) is not { } loader || !loader.StartsWith(ExpectedLoader, StringComparison.Ordinal))
            {
                return Undecodable(stage);
            }

            using var image = Image.NewFromBuffer(data, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            var pixels = (long)image.Width * image.Height;
            var rotated = image.Contains("orientation") && image.Get("orientation") is int orientation && orientation is >= 5 and <= 8;
            var metadata = rotated
                ? new MediaMetadata(image.Height, image.Width, null, null, null)
                : new MediaMetadata(image.Width, image.Height, null, null, null);
            if (pixels > limits.MaxPixels || !limits.Decode)
            {
                return new MediaInspectionResult(metadata, pixels, null);
            }

            // Every pixel, in strips: a truncated or corrupt body fails here (fail on error).
            stage = "its pixels could not be decoded";
            _ = image.Avg();
            return new MediaInspectionResult(metadata, pixels, null);
        }
        catch (VipsException ex)
        {
            LogUnreadable(logger, format.Name, ex.Message);
            return Undecodable(stage);
        }
    }

    public void Dispose() => _bytes.Dispose();

    private string ExpectedLoader => format == MediaFormat.Png ? "VipsForeignLoadPng" : "VipsForeignLoadJpeg";

    private static MediaInspectionResult Undecodable(string reason) => new(MediaMetadata.Unknown, null, reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "libvips could not read an uploaded {Format}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string format, string reason);
}
