using System.Buffers.Binary;
using System.Text;
using BenchmarkDotNet.Attributes;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Benchmarks;

/// <summary>
/// Signature detection runs once per upload on the first chunk of the stream, so it must cost
/// nanoseconds and allocate nothing. Each input is the start of a 4 KiB first read.
/// </summary>
[MemoryDiagnoser]
public class ContentSignatureBenchmarks
{
    private const int FirstReadLength = 4096;

    private readonly byte[] _jpeg = FirstRead([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00]);
    private readonly byte[] _png = FirstRead([0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8]);

    // The last brand in the accepted list: the worst case for a brand that is accepted.
    private readonly byte[] _mp4LateBrand = FirstRead(Ftyp(ContentSignature.AcceptedMp4Brands[^1]));

    // QuickTime has an ftyp box but a refused brand: every accepted brand is compared and none matches.
    private readonly byte[] _mp4RefusedBrand = FirstRead(Ftyp("qt  "));

    private readonly byte[] _unknown = FirstRead([.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]);

    [Benchmark]
    public DetectedContent? Jpeg() => ContentSignature.Detect(_jpeg);

    [Benchmark]
    public DetectedContent? Png() => ContentSignature.Detect(_png);

    [Benchmark]
    public DetectedContent? Mp4LateBrand() => ContentSignature.Detect(_mp4LateBrand);

    [Benchmark]
    public DetectedContent? Mp4RefusedBrand() => ContentSignature.Detect(_mp4RefusedBrand);

    [Benchmark]
    public DetectedContent? Unknown() => ContentSignature.Detect(_unknown);

    private static byte[] Ftyp(string brand)
    {
        var box = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        "ftyp"u8.CopyTo(box.AsSpan(4));
        Encoding.ASCII.GetBytes(brand).CopyTo(box, 8);
        "isomiso2avc1mp41"u8.CopyTo(box.AsSpan(16));
        return box;
    }

    private static byte[] FirstRead(byte[] head)
    {
        var buffer = new byte[FirstReadLength];
        head.CopyTo(buffer, 0);
        for (var i = head.Length; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(i * 31);
        }

        return buffer;
    }
}
