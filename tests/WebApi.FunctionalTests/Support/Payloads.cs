using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>Files with real signatures and deterministic filler, of exactly the requested size.</summary>
public static class Payloads
{
    public const int MiB = 1024 * 1024;
    public const int Limit = 10 * MiB;

    public static byte[] Jpeg(int size = 2048) => WithHeader([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0], size);

    public static byte[] Png(int size = 2048) => WithHeader([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    /// <summary>An ISO-BMFF file: a 24-byte <c>ftyp</c> box with the brand, then filler standing for <c>mdat</c>.</summary>
    public static byte[] Mp4(int size = 4096, string brand = "isom", uint? ftypSize = null)
    {
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32BigEndian(header, ftypSize ?? 24);
        "ftyp"u8.CopyTo(header.AsSpan(4));
        System.Text.Encoding.ASCII.GetBytes(brand).CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), 0x200);
        "isom"u8.CopyTo(header.AsSpan(16));
        "mp41"u8.CopyTo(header.AsSpan(20));
        return WithHeader(header, size);
    }

    public static byte[] Text(int size = 64) => WithHeader("just some text, not an image"u8.ToArray(), size);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] WithHeader(byte[] header, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        header.AsSpan(0, Math.Min(header.Length, size)).CopyTo(bytes);
        return bytes;
    }
}
