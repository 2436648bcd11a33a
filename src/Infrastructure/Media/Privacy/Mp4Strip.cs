using System.Buffers;
using System.Buffers.Binary;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Media.Privacy;

/// <summary>
/// Blanks an MP4's location and XMP in place: the box keeps its size and becomes a <c>free</c>
/// box of zeros, so no box size and no chunk offset (<c>stco</c>, <c>co64</c>) changes, whether
/// <c>moov</c> comes before or after <c>mdat</c>. Blanked: <c>©xyz</c> and <c>loci</c> in any
/// <c>udta</c>, Adobe's <c>XMP_</c>, XMP <c>uuid</c> boxes (top-level or in the movie), and the
/// values of <c>meta</c> keys that name a location (<c>com.apple.quicktime.location.*</c>).
/// The top-level walk streams; only the <c>moov</c> box is held until it is whole.
/// </summary>
internal sealed class Mp4Strip : MetadataStrip
{
    private const int MaxDepth = 8;

    /// <summary>QuickTime's <c>©xyz</c>: the © is the one byte 0xA9 (Mac Roman), not UTF-8's two.</summary>
    private static readonly byte[] CopyrightXyz = [0xA9, (byte)'x', (byte)'y', (byte)'z'];

    private static readonly byte[] XmpUuid = Convert.FromHexString("BE7ACFCB97A942E89C71999491E3AFAC");

    private readonly byte[] _header = new byte[32]; // size, type, 64-bit size, uuid user type
    private int _headerLength;
    private int _headerNeeded = 8;
    private bool _inBox;
    private long _remaining; // -1: the box runs to the end of the file
    private Mode _mode;
    private BoundedBuffer? _moov;

    private enum Mode { Pass, Blank, Hold }

    protected override void Next(ref ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        if (!_inBox)
        {
            ReadHeader(ref input, output);
            return;
        }

        var take = _remaining < 0 ? input.Length : (int)Math.Min(_remaining, input.Length);
        switch (_mode)
        {
            case Mode.Pass:
                output.Write(input[..take]);
                break;
            case Mode.Blank:
                output.GetSpan(take)[..take].Clear();
                output.Advance(take);
                break;
            case Mode.Hold:
                _moov!.Append(input[..take]);
                break;
        }

        input = input[take..];
        if (_remaining > 0)
        {
            _remaining -= take;
            if (_remaining == 0)
            {
                EndBox(output);
            }
        }
    }

    protected override void End(IBufferWriter<byte> output)
    {
        if (_inBox && _mode == Mode.Hold)
        {
            // A moov box cut short (or running to the end) is still blanked as far as it goes.
            EndBox(output);
        }
        else if (!_inBox)
        {
            output.Write(_header.AsSpan(0, _headerLength));
        }
    }

    protected override void Release() => _moov?.Dispose();

    private void ReadHeader(ref ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        var take = Math.Min(_headerNeeded - _headerLength, input.Length);
        input[..take].CopyTo(_header.AsSpan(_headerLength));
        _headerLength += take;
        input = input[take..];
        if (_headerLength < _headerNeeded)
        {
            return;
        }

        var size32 = BinaryPrimitives.ReadUInt32BigEndian(_header);
        var headerSize = size32 == 1 ? 16 : 8;
        var isUuid = _header.AsSpan(4, 4).SequenceEqual("uuid"u8);
        var needed = headerSize + (isUuid ? 16 : 0);
        if (_headerLength < needed)
        {
            _headerNeeded = needed;
            return;
        }

        var header = _header.AsSpan(0, _headerLength);
        _headerLength = 0;
        _headerNeeded = 8;
        var size = size32 == 1 ? BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(8)) : size32;
        if (size32 != 0 && (size < (ulong)needed || size > long.MaxValue))
        {
            output.Write(header);
            PassThrough(); // sizes that do not add up: the rest passes as it is
            return;
        }

        _remaining = size32 == 0 ? -1 : (long)size - header.Length;
        _inBox = true;
        if (header[4..8].SequenceEqual("moov"u8) && _moov is null)
        {
            _mode = Mode.Hold;
            _moov = new BoundedBuffer((int)Math.Min(size32 == 0 ? int.MaxValue : (long)size, MediaRules.MaxFileSizeBytes));
            _moov.Append(header);
        }
        else if (isUuid && header[headerSize..].SequenceEqual(XmpUuid))
        {
            Remove("XMP");
            Blank(header, headerSize);
            output.Write(header);
            _mode = Mode.Blank;
        }
        else
        {
            output.Write(header);
            _mode = Mode.Pass;
        }

        if (_remaining == 0)
        {
            EndBox(output);
        }
    }

    private void EndBox(IBufferWriter<byte> output)
    {
        _inBox = false;
        if (_mode != Mode.Hold)
        {
            return;
        }

        _mode = Mode.Pass;
        var moov = _moov!;
        if (moov.Overflowed)
        {
            // Larger than the upload limit allows: cannot happen within it; kept as it is.
            output.Write(moov.Span);
            return;
        }

        var bytes = moov.Writable;
        var headerSize = BinaryPrimitives.ReadUInt32BigEndian(bytes) == 1 ? 16 : 8;
        BlankChildren(bytes[headerSize..], 1);
        output.Write(moov.Span);
    }

    /// <summary>Walks the boxes of a container's payload, blanking the metadata ones and going into the containers that can hold them.</summary>
    private void BlankChildren(Span<byte> payload, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        List<uint>? locationKeys = null;
        var rest = payload;
        while (NextBox(ref rest, out var box, out var headerSize))
        {
            var type = box.Slice(4, 4);
            var body = box[headerSize..];
            if (type.SequenceEqual(CopyrightXyz) || type.SequenceEqual("loci"u8))
            {
                Remove(type.SequenceEqual("loci"u8) ? "loci" : "©xyz");
                Blank(box, headerSize);
            }
            else if (type.SequenceEqual("XMP_"u8) || (type.SequenceEqual("uuid"u8) && body.StartsWith(XmpUuid)))
            {
                Remove("XMP");
                Blank(box, headerSize);
            }
            else if (type.SequenceEqual("keys"u8))
            {
                locationKeys = LocationKeys(body);
            }
            else if (type.SequenceEqual("ilst"u8) && locationKeys is { Count: > 0 })
            {
                BlankItems(body, locationKeys);
            }
            else if (type.SequenceEqual("trak"u8) || type.SequenceEqual("udta"u8))
            {
                BlankChildren(body, depth + 1);
            }
            else if (type.SequenceEqual("meta"u8))
            {
                // ISO's meta is a FullBox (4 bytes of version and flags before its children);
                // QuickTime's is not: its first child's type sits where a FullBox's would be.
                var children = body.Length >= 8 && body.Slice(4, 4).SequenceEqual("hdlr"u8) ? body : body.Length >= 4 ? body[4..] : default;
                BlankChildren(children, depth + 1);
            }
        }
    }

    /// <summary>The 1-based indices of a <c>keys</c> box's entries whose name speaks of a location.</summary>
    private static List<uint> LocationKeys(ReadOnlySpan<byte> keys)
    {
        var found = new List<uint>();
        if (keys.Length < 8)
        {
            return found;
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(keys[4..]);
        var rest = keys[8..];
        for (uint index = 1; index <= count && rest.Length >= 8; index++)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(rest);
            if (size < 8 || size > rest.Length)
            {
                break;
            }

            if (rest[8..(int)size].IndexOf("location"u8) >= 0)
            {
                found.Add(index);
            }

            rest = rest[(int)size..];
        }

        return found;
    }

    private void BlankItems(Span<byte> ilst, List<uint> keys)
    {
        var rest = ilst;
        while (NextBox(ref rest, out var item, out var headerSize))
        {
            if (keys.Contains(BinaryPrimitives.ReadUInt32BigEndian(item[4..])))
            {
                Remove("location key");
                Blank(item, headerSize);
            }
        }
    }

    /// <summary>Turns a box into a <c>free</c> box of the same size, its contents zeros.</summary>
    private static void Blank(Span<byte> box, int headerSize)
    {
        "free"u8.CopyTo(box[4..]);
        box[headerSize..].Clear();
    }

    private static bool NextBox(ref Span<byte> rest, out Span<byte> box, out int headerSize)
    {
        box = default;
        headerSize = 8;
        if (rest.Length < 8)
        {
            return false;
        }

        ulong size = BinaryPrimitives.ReadUInt32BigEndian(rest);
        if (size == 1)
        {
            if (rest.Length < 16)
            {
                return false;
            }

            size = BinaryPrimitives.ReadUInt64BigEndian(rest[8..]);
            headerSize = 16;
        }
        else if (size == 0)
        {
            size = (ulong)rest.Length;
        }

        if (size < (ulong)headerSize || size > (ulong)rest.Length)
        {
            return false;
        }

        box = rest[..(int)size];
        rest = rest[(int)size..];
        return true;
    }
}
