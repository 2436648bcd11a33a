using System.Buffers.Binary;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>
/// The pixel count an image's first bytes declare, read as they arrive so a pixel flood is refused
/// before the rest of its body is even received: a PNG's <c>IHDR</c> (always its first chunk), a
/// JPEG's frame header (<c>SOFn</c>, after its APP segments). Only sizes are read: libvips reads the
/// header properly once the file has ended; this only decides early whether to read on at all.
/// </summary>
internal static class ImageDimensions
{
    /// <summary>
    /// Width times height as declared in <paramref name="head"/> (the file's first bytes); null while
    /// more bytes are needed, or when they never will tell (a structure that cannot be followed, a
    /// JPEG whose height comes later in a DNL marker).
    /// </summary>
    public static long? DeclaredPixels(MediaFormat format, ReadOnlySpan<byte> head, out bool final)
    {
        final = true;
        if (format == MediaFormat.Png)
        {
            // signature (8), then the IHDR chunk: length (4), "IHDR", width (4), height (4).
            if (head.Length < 24)
            {
                final = false;
                return null;
            }

            return head.Slice(12, 4).SequenceEqual("IHDR"u8)
                ? (long)BinaryPrimitives.ReadUInt32BigEndian(head[16..]) * BinaryPrimitives.ReadUInt32BigEndian(head[20..])
                : null;
        }

        if (format != MediaFormat.Jpeg)
        {
            return null;
        }

        var at = 2; // past SOI
        while (true)
        {
            if (head.Length < at + 4)
            {
                final = false;
                return null;
            }

            if (head[at] != 0xFF)
            {
                return null;
            }

            var marker = head[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // the image or its scan began without a frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(head[(at + 2)..]);
            if (length < 2)
            {
                return null;
            }

            if (IsFrameHeader(marker))
            {
                // length (2), precision (1), height (2), width (2)
                if (head.Length < at + 9)
                {
                    final = false;
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(head[(at + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(head[(at + 7)..]);
                return height == 0 ? null : (long)width * height;
            }

            at += 2 + length;
        }
    }

    /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
