using System.Buffers.Binary;
using System.Text;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>
/// Reads an MP4's <c>moov</c> box (ISO/IEC 14496-12): the movie's length from <c>mvhd</c>, and per
/// <c>trak</c> its kind (<c>hdlr</c>), its presentation size and rotation (<c>tkhd</c>) and its first
/// sample entry's code (<c>stsd</c>), which is the codec. MetadataExtractor, the kept .NET reader,
/// reads neither handlers nor sample entries, hence this reader; it walks a fixed path of boxes
/// (no recursion), checks every size against what holds it, and reads nothing it has not checked.
/// </summary>
internal static class Mp4MovieBox
{
    /// <summary>What the movie says; null when it describes no track at all.</summary>
    public static MediaMetadata? Read(ReadOnlySpan<byte> moov)
    {
        double? duration = null;
        var tracks = 0;
        var hasAudio = false;
        Track? video = null;

        var boxes = new Boxes(moov);
        while (boxes.Next())
        {
            if (boxes.Type.SequenceEqual("mvhd"u8))
            {
                duration = MovieDuration(boxes.Payload);
            }
            else if (boxes.Type.SequenceEqual("trak"u8) && ReadTrack(boxes.Payload) is { } track)
            {
                tracks++;
                hasAudio |= track.Handler == "soun";
                if (track.Handler == "vide" && video is null)
                {
                    video = track;
                }
            }
        }

        if (tracks == 0)
        {
            return null;
        }

        return new MediaMetadata(video?.Width, video?.Height, duration, video?.Codec, hasAudio);
    }

    private sealed record Track(string? Handler, string? Codec, int? Width, int? Height);

    private static double? MovieDuration(ReadOnlySpan<byte> mvhd)
    {
        // FullBox version; v1 has 64-bit times and duration.
        if (mvhd.Length < 1)
        {
            return null;
        }

        uint timescale;
        ulong duration;
        if (mvhd[0] == 1)
        {
            if (mvhd.Length < 32)
            {
                return null;
            }

            timescale = BinaryPrimitives.ReadUInt32BigEndian(mvhd[20..]);
            duration = BinaryPrimitives.ReadUInt64BigEndian(mvhd[24..]);
            if (duration == ulong.MaxValue)
            {
                return null;
            }
        }
        else
        {
            if (mvhd.Length < 20)
            {
                return null;
            }

            timescale = BinaryPrimitives.ReadUInt32BigEndian(mvhd[12..]);
            duration = BinaryPrimitives.ReadUInt32BigEndian(mvhd[16..]);
            if (duration == uint.MaxValue)
            {
                return null;
            }
        }

        // Zero is what fragmented files (and unfinished recordings) write: the length is not known.
        return timescale == 0 || duration == 0 ? null : Math.Round((double)duration / timescale, 3);
    }

    private static Track? ReadTrack(ReadOnlySpan<byte> trak)
    {
        string? handler = null;
        string? codec = null;
        int? width = null, height = null, entryWidth = null, entryHeight = null;
        var rotated = false;

        var boxes = new Boxes(trak);
        while (boxes.Next())
        {
            if (boxes.Type.SequenceEqual("tkhd"u8))
            {
                (width, height, rotated) = TrackSize(boxes.Payload);
            }
            else if (boxes.Type.SequenceEqual("mdia"u8))
            {
                var media = new Boxes(boxes.Payload);
                while (media.Next())
                {
                    if (media.Type.SequenceEqual("hdlr"u8) && media.Payload.Length >= 12)
                    {
                        handler = FourCc(media.Payload[8..12]);
                    }
                    else if (media.Type.SequenceEqual("minf"u8)
                        && Child(media.Payload, "stbl"u8) is { Length: > 0 } stbl
                        && Child(stbl, "stsd"u8) is { Length: >= 16 } stsd)
                    {
                        // FullBox header, entry count, then the first sample entry: size, code, and for
                        // a visual entry 24 bytes further its width and height.
                        var entry = stsd[8..];
                        var entrySize = BinaryPrimitives.ReadUInt32BigEndian(entry);
                        if (entrySize >= 8 && entrySize <= entry.Length)
                        {
                            codec = FourCc(entry[4..8]);
                            if (entrySize >= 36)
                            {
                                entryWidth = BinaryPrimitives.ReadUInt16BigEndian(entry[32..]);
                                entryHeight = BinaryPrimitives.ReadUInt16BigEndian(entry[34..]);
                            }
                        }
                    }
                }
            }
        }

        if (handler is null && codec is null)
        {
            return null;
        }

        if (width is not > 0 || height is not > 0)
        {
            (width, height) = entryWidth > 0 && entryHeight > 0 ? (entryWidth, entryHeight) : (null, null);
        }

        return rotated ? new Track(handler, codec, height, width) : new Track(handler, codec, width, height);
    }

    /// <summary>tkhd's presentation width and height (16.16 fixed point), and whether its matrix turns the picture a quarter.</summary>
    private static (int? Width, int? Height, bool Rotated) TrackSize(ReadOnlySpan<byte> tkhd)
    {
        if (tkhd.Length < 1)
        {
            return (null, null, false);
        }

        var matrix = tkhd[0] == 1 ? 52 : 40;
        if (tkhd.Length < matrix + 44)
        {
            return (null, null, false);
        }

        // The matrix is { a, b, u, c, d, v, x, y, w }: a quarter turn leaves a and d zero.
        var a = BinaryPrimitives.ReadInt32BigEndian(tkhd[matrix..]);
        var d = BinaryPrimitives.ReadInt32BigEndian(tkhd[(matrix + 16)..]);
        var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(tkhd[(matrix + 36)..]) >> 16);
        var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(tkhd[(matrix + 40)..]) >> 16);
        return (width, height, a == 0 && d == 0);
    }

    private static ReadOnlySpan<byte> Child(ReadOnlySpan<byte> parent, ReadOnlySpan<byte> type)
    {
        var boxes = new Boxes(parent);
        while (boxes.Next())
        {
            if (boxes.Type.SequenceEqual(type))
            {
                return boxes.Payload;
            }
        }

        return default;
    }

    /// <summary>A four-character code, or null when it is not printable ASCII.</summary>
    private static string? FourCc(ReadOnlySpan<byte> code)
    {
        foreach (var b in code)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(code);
    }

    /// <summary>The boxes inside a payload, in order; a size that does not fit what holds it ends the walk.</summary>
    private ref struct Boxes(ReadOnlySpan<byte> span)
    {
        private ReadOnlySpan<byte> _rest = span;

        public ReadOnlySpan<byte> Type { get; private set; }
        public ReadOnlySpan<byte> Payload { get; private set; }

        public bool Next()
        {
            if (_rest.Length < 8)
            {
                return false;
            }

            ulong size = BinaryPrimitives.ReadUInt32BigEndian(_rest);
            var header = 8;
            if (size == 1)
            {
                if (_rest.Length < 16)
                {
                    return false;
                }

                size = BinaryPrimitives.ReadUInt64BigEndian(_rest[8..]);
                header = 16;
            }
            else if (size == 0)
            {
                size = (ulong)_rest.Length;
            }

            if (size < (ulong)header || size > (ulong)_rest.Length)
            {
                _rest = default;
                return false;
            }

            Type = _rest.Slice(4, 4);
            Payload = _rest[header..(int)size];
            _rest = _rest[(int)size..];
            return true;
        }
    }
}
