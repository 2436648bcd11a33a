using System.Buffers;
using System.Buffers.Binary;

namespace PersonaMedia.Infrastructure.Media.Privacy;

/// <summary>
/// Follows a JPEG's markers as the bytes pass and drops its metadata segments: APP1 EXIF (replaced
/// by a minimal EXIF that holds only the orientation, so portrait photos still show upright) and
/// XMP, APP13 (Photoshop, IPTC), COM, the other APPn segments, the multi-picture index (MPF) and
/// whatever follows the end of the image (a phone's second picture, with an EXIF of its own).
/// Kept: APP0 (JFIF), APP2 ICC profiles, APP14 (Adobe colour transform), the tables and frame
/// headers, and the entropy-coded data byte for byte. A metadata segment is held whole (at most
/// 64 KiB) to be judged; nothing else is held.
/// </summary>
internal sealed class JpegStrip : MetadataStrip
{
    private const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, App0 = 0xE0, App1 = 0xE1, App2 = 0xE2, App13 = 0xED, App14 = 0xEE, Com = 0xFE;

    private enum State { Start, Marker, Code, Length, Pass, Capture, Entropy, EntropyFf, Trailer }

    private State _state = State.Start;
    private State _afterPass = State.Marker;
    private readonly byte[] _held = new byte[2];
    private int _heldLength;
    private byte _code;
    private int _remaining;
    private byte[]? _segment;
    private int _segmentLength;

    protected override void Next(ref ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        switch (_state)
        {
            case State.Start:
                if (Fill(ref input))
                {
                    output.Write(_held);
                    if (_held[0] == 0xFF && _held[1] == Soi)
                    {
                        _state = State.Marker;
                    }
                    else
                    {
                        PassThrough();
                    }
                }

                break;

            case State.Marker:
                if (input[0] != 0xFF)
                {
                    PassThrough(); // not a marker where one must be: the rest passes as it is
                    break;
                }

                input = input[1..];
                _state = State.Code;
                break;

            case State.Code:
            case State.EntropyFf:
                var code = input[0];
                input = input[1..];
                if (code == 0xFF)
                {
                    break; // fill bytes before a marker
                }

                if (_state == State.EntropyFf && (code == 0x00 || code is >= 0xD0 and <= 0xD7))
                {
                    Span<byte> stuffed = [0xFF, code];
                    output.Write(stuffed);
                    _state = State.Entropy;
                    break;
                }

                Marker(code, output);
                break;

            case State.Length:
                if (Fill(ref input))
                {
                    Segment(output);
                }

                break;

            case State.Pass:
            {
                var take = Math.Min(_remaining, input.Length);
                output.Write(input[..take]);
                input = input[take..];
                _remaining -= take;
                if (_remaining == 0)
                {
                    _state = _afterPass;
                }

                break;
            }

            case State.Capture:
            {
                var take = Math.Min(_remaining, input.Length);
                input[..take].CopyTo(_segment.AsSpan(_segmentLength));
                _segmentLength += take;
                input = input[take..];
                _remaining -= take;
                if (_remaining == 0)
                {
                    Judge(output);
                    _state = State.Marker;
                }

                break;
            }

            case State.Entropy:
            {
                var at = input.IndexOf((byte)0xFF);
                if (at < 0)
                {
                    output.Write(input);
                    input = default;
                    break;
                }

                output.Write(input[..at]);
                input = input[(at + 1)..];
                _state = State.EntropyFf;
                break;
            }

            case State.Trailer:
                Remove("trailing data");
                input = default;
                break;
        }
    }

    protected override void End(IBufferWriter<byte> output)
    {
        switch (_state)
        {
            case State.Start:
                output.Write(_held.AsSpan(0, _heldLength));
                break;
            case State.Code:
            case State.EntropyFf:
                output.GetSpan(1)[0] = 0xFF;
                output.Advance(1);
                break;
            case State.Length:
                WriteMarker(output, _code);
                output.Write(_held.AsSpan(0, _heldLength));
                break;
            case State.Capture:
                // A metadata segment cut short by the end of the file: metadata all the same.
                Judge(output: null);
                break;
        }
    }

    protected override void Release()
    {
        if (_segment is not null)
        {
            ArrayPool<byte>.Shared.Return(_segment);
            _segment = null;
        }
    }

    private void Marker(byte code, IBufferWriter<byte> output)
    {
        _code = code;
        if (code == Eoi)
        {
            WriteMarker(output, Eoi);
            _state = State.Trailer;
        }
        else if (code is Soi or 0x01 || code is >= 0xD0 and <= 0xD7)
        {
            WriteMarker(output, code); // markers without a length
            _state = State.Marker;
        }
        else if (code == 0x00)
        {
            WriteMarker(output, 0x00);
            PassThrough();
        }
        else
        {
            _heldLength = 0;
            _state = State.Length;
        }
    }

    private void Segment(IBufferWriter<byte> output)
    {
        var length = BinaryPrimitives.ReadUInt16BigEndian(_held);
        if (length < 2)
        {
            WriteMarker(output, _code);
            output.Write(_held);
            PassThrough();
            return;
        }

        _remaining = length - 2;
        var metadata = _code is >= App0 and <= 0xEF or Com;
        if (!metadata || _code is App0 or App14)
        {
            WriteMarker(output, _code);
            output.Write(_held);
            _afterPass = _code == Sos ? State.Entropy : State.Marker;
            _state = _remaining == 0 ? _afterPass : State.Pass;
            return;
        }

        _segment ??= ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        _segmentLength = 0;
        _state = State.Capture;
        if (_remaining == 0)
        {
            Judge(output);
            _state = State.Marker;
        }
    }

    /// <summary>Keeps, replaces or drops the metadata segment held in <see cref="_segment"/>; null output: the file ended.</summary>
    private void Judge(IBufferWriter<byte>? output)
    {
        var segment = _segment.AsSpan(0, _segmentLength);
        switch (_code)
        {
            case App1 when segment.StartsWith("Exif\0\0"u8):
                Remove("EXIF");
                if (output is not null && Orientation(segment[6..]) is { } orientation and > 1)
                {
                    output.Write(MinimalExif(orientation));
                }

                break;
            case App1 when segment.StartsWith("http://ns.adobe.com/xap/1.0/\0"u8) || segment.StartsWith("http://ns.adobe.com/xmp/extension/\0"u8):
                Remove("XMP");
                break;
            case App2 when segment.StartsWith("ICC_PROFILE\0"u8):
                if (output is not null)
                {
                    Span<byte> header = [0xFF, App2, 0, 0];
                    BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(segment.Length + 2));
                    output.Write(header);
                    output.Write(segment);
                }

                break;
            case App2 when segment.StartsWith("MPF\0"u8):
                Remove("MPF");
                break;
            case App13:
                Remove("IPTC");
                break;
            case Com:
                Remove("comment");
                break;
            default:
                Remove($"APP{_code - App0}");
                break;
        }
    }

    /// <summary>IFD0's Orientation (tag 0x0112, one SHORT) of a TIFF structure, or null; reads nothing it has not bounded.</summary>
    internal static int? Orientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }

        bool little;
        if (tiff.StartsWith("II"u8))
        {
            little = true;
        }
        else if (tiff.StartsWith("MM"u8))
        {
            little = false;
        }
        else
        {
            return null;
        }

        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);

        var ifd = U32(tiff[4..]);
        if (U16(tiff[2..]) != 42 || ifd > tiff.Length - 2)
        {
            return null;
        }

        var count = U16(tiff[(int)ifd..]);
        for (var i = 0; i < count; i++)
        {
            var entry = (long)ifd + 2 + (12L * i);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            var e = tiff.Slice((int)entry, 12);
            if (U16(e) == 0x0112 && U16(e[2..]) == 3 && U32(e[4..]) == 1)
            {
                var value = U16(e[8..]);
                return value is >= 1 and <= 8 ? value : null;
            }
        }

        return null;
    }

    /// <summary>An APP1 EXIF segment holding IFD0 with the one Orientation entry.</summary>
    private static byte[] MinimalExif(int orientation)
    {
        byte[] segment =
        [
            0xFF, App1, 0x00, 0x22,
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD0 at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00, // Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return segment;
    }

    /// <summary>Fills the two held bytes; true once both are there.</summary>
    private bool Fill(ref ReadOnlySpan<byte> input)
    {
        var take = Math.Min(_held.Length - _heldLength, input.Length);
        input[..take].CopyTo(_held.AsSpan(_heldLength));
        _heldLength += take;
        input = input[take..];
        return _heldLength == _held.Length;
    }
}
