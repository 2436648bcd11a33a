using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace PersonaMedia.Infrastructure.Media.Privacy;

/// <summary>
/// Drops a PNG's <c>eXIf</c>, <c>tEXt</c>, <c>iTXt</c>, <c>zTXt</c> and <c>tIME</c> chunks and
/// anything after <c>IEND</c>, chunk by chunk as the bytes pass; every other chunk (IHDR, PLTE,
/// IDAT, colour chunks such as iCCP, sRGB, gAMA, cHRM) is passed on untouched, CRC included.
/// </summary>
internal sealed class PngStrip : MetadataStrip
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] Dropped = ["eXIf", "tEXt", "iTXt", "zTXt", "tIME"];

    private readonly byte[] _header = new byte[8];
    private int _headerLength;
    private bool _signatureSeen;
    private long _remaining; // bytes of the current chunk (data and CRC) still to pass or drop
    private bool _dropping;
    private bool _inLastChunk;
    private bool _ended;

    protected override void Next(ref ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        if (_ended)
        {
            Remove("trailing data");
            input = default;
            return;
        }

        if (_remaining > 0)
        {
            var take = (int)Math.Min(_remaining, input.Length);
            if (!_dropping)
            {
                output.Write(input[..take]);
            }

            input = input[take..];
            _remaining -= take;
            _ended = _remaining == 0 && _inLastChunk;
            return;
        }

        var fill = Math.Min(_header.Length - _headerLength, input.Length);
        input[..fill].CopyTo(_header.AsSpan(_headerLength));
        _headerLength += fill;
        input = input[fill..];
        if (_headerLength < _header.Length)
        {
            return;
        }

        _headerLength = 0;
        if (!_signatureSeen)
        {
            _signatureSeen = true;
            output.Write(_header);
            if (!_header.AsSpan().SequenceEqual(Signature))
            {
                PassThrough();
            }

            return;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_header);
        var type = _header.AsSpan(4, 4);
        if (length > int.MaxValue || !IsChunkType(type))
        {
            output.Write(_header);
            PassThrough();
            return;
        }

        var name = Encoding.ASCII.GetString(type);
        _dropping = Array.IndexOf(Dropped, name) >= 0;
        if (_dropping)
        {
            Remove(name);
        }
        else
        {
            output.Write(_header);
        }

        _remaining = length + 4L; // data and CRC
        _inLastChunk = name == "IEND";
    }

    protected override void End(IBufferWriter<byte> output) => output.Write(_header.AsSpan(0, _headerLength));

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
            {
                return false;
            }
        }

        return true;
    }
}
