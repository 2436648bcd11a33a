using System.Buffers.Binary;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>
/// Walks an MP4's top-level boxes as the bytes stream past, keeps the <c>moov</c> box wherever it
/// is (before or after <c>mdat</c>), skips everything else unread, and reads the movie from it at
/// the end (<see cref="Mp4MovieBox"/>). Memory: the moov box alone, at most the upload limit.
/// Any size that does not add up stops the walk; the file is then reported unreadable.
/// </summary>
internal sealed class Mp4Inspection : IMediaInspection
{
    private const int MaxMoovBytes = (int)MediaRules.MaxFileSizeBytes;

    private readonly byte[] _header = new byte[16];
    private int _headerLength;
    private bool _inBox;
    private long _remaining; // bytes of the current box's payload still to come; -1: the box runs to the end of the file
    private bool _capturing;
    private BoundedBuffer? _moov;
    private bool _moovComplete;
    private string? _broken;

    public long? DeclaredPixels => null;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && _broken is null)
        {
            if (!_inBox)
            {
                bytes = ReadHeader(bytes);
                continue;
            }

            var take = _remaining < 0 ? bytes.Length : (int)Math.Min(_remaining, bytes.Length);
            if (_capturing)
            {
                _moov!.Append(bytes[..take]);
            }

            bytes = bytes[take..];
            if (_remaining > 0)
            {
                _remaining -= take;
                if (_remaining == 0)
                {
                    EndBox();
                }
            }
        }
    }

    public MediaInspectionResult Finish()
    {
        if (_capturing && _remaining < 0)
        {
            _moovComplete = true;
        }

        if (_moov is null || !_moovComplete || _moov.Overflowed)
        {
            return new MediaInspectionResult(MediaMetadata.Unknown, null, _broken ?? "it holds no complete moov box");
        }

        return Mp4MovieBox.Read(_moov.Span) is { } metadata
            ? new MediaInspectionResult(metadata, null, null)
            : new MediaInspectionResult(MediaMetadata.Unknown, null, "its moov box describes no track");
    }

    public void Dispose() => _moov?.Dispose();

    private ReadOnlySpan<byte> ReadHeader(ReadOnlySpan<byte> bytes)
    {
        var needed = _headerLength >= 8 && BinaryPrimitives.ReadUInt32BigEndian(_header) == 1 ? 16 : 8;
        var take = Math.Min(needed - _headerLength, bytes.Length);
        bytes[..take].CopyTo(_header.AsSpan(_headerLength));
        _headerLength += take;
        if (_headerLength < needed)
        {
            return bytes[take..];
        }

        var size32 = BinaryPrimitives.ReadUInt32BigEndian(_header);
        if (size32 == 1 && needed == 8)
        {
            return bytes[take..]; // a 64-bit size follows
        }

        var headerSize = size32 == 1 ? 16 : 8;
        var size = size32 == 1 ? BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(8)) : size32;
        var isMoov = _header.AsSpan(4, 4).SequenceEqual("moov"u8);
        _headerLength = 0;
        if (size32 == 0)
        {
            _remaining = -1;
        }
        else if (size < (ulong)headerSize || size > (ulong)MediaRules.MaxFileSizeBytes)
        {
            _broken = "a top-level box declares an impossible size";
            return bytes[take..];
        }
        else
        {
            _remaining = (long)size - headerSize;
        }

        _inBox = true;
        _capturing = isMoov && _moov is null;
        if (_capturing)
        {
            _moov = new BoundedBuffer(_remaining < 0 ? MaxMoovBytes : (int)Math.Min(_remaining, MaxMoovBytes));
        }

        if (_remaining == 0)
        {
            EndBox();
        }

        return bytes[take..];
    }

    private void EndBox()
    {
        if (_capturing)
        {
            _moovComplete = true;
            _capturing = false;
        }

        _inBox = false;
    }
}
