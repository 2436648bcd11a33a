using System.Buffers.Binary;
using System.Text;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Domain.UnitTests.Media;

public class ContentSignatureTests
{
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The brands SPEC names. Written out rather than read from the detector, so dropping one
    /// from <see cref="ContentSignature.AcceptedMp4Brands"/> fails here.
    /// </summary>
    private static readonly string[] SpecMp4Brands = ["isom", "iso2", "mp41", "mp42", "avc1", "M4V ", "dash"];

    // ---- JPEG -------------------------------------------------------------------------------

    [TestCase("FF D8 FF", TestName = "{m}(Jpeg magic alone)")]
    [TestCase("FF D8 FF E0 00 10 4A 46 49 46 00 01", TestName = "{m}(Jpeg JFIF APP0)")]
    [TestCase("FF D8 FF E1 12 34 45 78 69 66 00 00", TestName = "{m}(Jpeg Exif APP1)")]
    [TestCase("FF D8 FF DB 00 43 00 08 06 06 07 06", TestName = "{m}(Jpeg raw quantisation table)")]
    [TestCase("FF D8 FF EE 00 0E 41 64 6F 62 65 00", TestName = "{m}(Jpeg Adobe APP14)")]
    public void Jpeg_magic_is_recognised(string hex)
    {
        var detected = ContentSignature.Detect(Hex(hex));

        Assert.That(detected, Is.EqualTo(new DetectedContent(MediaFormat.Jpeg, 3)));
    }

    // ---- PNG --------------------------------------------------------------------------------

    [Test]
    public void Png_magic_alone_is_recognised()
    {
        var detected = ContentSignature.Detect(PngMagic);

        Assert.That(detected, Is.EqualTo(new DetectedContent(MediaFormat.Png, 8)));
    }

    [Test]
    public void Png_magic_followed_by_its_IHDR_chunk_is_recognised()
    {
        byte[] png = [.. PngMagic, .. Hex("00 00 00 0D"), .. "IHDR"u8, .. Hex("00 00 00 01 00 00 00 01 08 06 00 00 00")];

        var detected = ContentSignature.Detect(png);

        Assert.That(detected, Is.EqualTo(new DetectedContent(MediaFormat.Png, 8)));
    }

    // ---- MP4: brands --------------------------------------------------------------------------

    private static IEnumerable<TestCaseData> AcceptedBrands() =>
        ContentSignature.AcceptedMp4Brands.Select(b => new TestCaseData(b).SetArgDisplayNames($"'{b}'"));

    private static IEnumerable<TestCaseData> SpecBrands() =>
        SpecMp4Brands.Select(b => new TestCaseData(b).SetArgDisplayNames($"'{b}'"));

    [TestCaseSource(nameof(AcceptedBrands))]
    public void Every_accepted_major_brand_is_recognised_as_mp4(string brand)
    {
        var detected = ContentSignature.Detect(Ftyp(brand, boxSize: 24));

        Assert.That(detected, Is.EqualTo(new DetectedContent(MediaFormat.Mp4, 24)));
    }

    [TestCaseSource(nameof(SpecBrands))]
    public void Every_brand_named_by_the_spec_is_accepted(string brand)
    {
        Assert.That(ContentSignature.AcceptedMp4Brands, Does.Contain(brand));
        Assert.That(ContentSignature.Detect(Ftyp(brand, boxSize: 32))?.Format, Is.EqualTo(MediaFormat.Mp4));
    }

    [TestCase("qt  ", TestName = "{m}(QuickTime)")]
    [TestCase("M4A ", TestName = "{m}(Apple audio-only M4A)")]
    [TestCase("M4B ", TestName = "{m}(Apple audiobook M4B)")]
    [TestCase("M4P ", TestName = "{m}(Apple protected audio M4P)")]
    [TestCase("3gp4", TestName = "{m}(3GPP release 4)")]
    [TestCase("3gp5", TestName = "{m}(3GPP release 5)")]
    [TestCase("3g2a", TestName = "{m}(3GPP2)")]
    [TestCase("heic", TestName = "{m}(HEIF image heic)")]
    [TestCase("heix", TestName = "{m}(HEIF image heix)")]
    [TestCase("mif1", TestName = "{m}(HEIF image mif1)")]
    [TestCase("avif", TestName = "{m}(AVIF image)")]
    [TestCase("crx ", TestName = "{m}(Canon raw CR3)")]
    [TestCase("jp2 ", TestName = "{m}(JPEG 2000)")]
    [TestCase("f4a ", TestName = "{m}(Flash audio)")]
    [TestCase("zq9x", TestName = "{m}(Random brand)")]
    [TestCase("\0\0\0\0", TestName = "{m}(All-zero brand)")]
    [TestCase("    ", TestName = "{m}(All-space brand)")]
    [TestCase("ISOM", TestName = "{m}(isom in upper case)")]
    [TestCase("Isom", TestName = "{m}(isom capitalised)")]
    [TestCase("MP42", TestName = "{m}(mp42 in upper case)")]
    [TestCase("m4v ", TestName = "{m}(M4V in lower case)")]
    [TestCase("M4V\0", TestName = "{m}(M4V padded with NUL instead of space)")]
    [TestCase(" iso", TestName = "{m}(isom shifted by one)")]
    [TestCase("iso1", TestName = "{m}(iso1 is not an ISO family brand)")]
    [TestCase("mp4 ", TestName = "{m}(mp4 with a space is not a brand)")]
    public void Rejected_major_brand_is_not_mp4(string brand)
    {
        Assert.That(ContentSignature.Detect(Ftyp(brand, boxSize: 24)), Is.Null);
    }

    [Test]
    public void The_major_brand_decides_even_when_a_compatible_brand_is_accepted()
    {
        // A QuickTime file commonly lists isom among its compatible brands; that does not make it MP4.
        byte[] quickTime = [.. BoxHeader(28), .. "qt  "u8, 0, 0, 2, 0, .. "qt  "u8, .. "isom"u8, .. "mp42"u8];

        Assert.That(ContentSignature.Detect(quickTime), Is.Null);
    }

    [Test]
    public void A_real_world_mp4_header_is_recognised()
    {
        // What ffmpeg writes by default: size 32, isom, minor version 512, compatible isom iso2 avc1 mp41.
        var header = Hex("00 00 00 20 66 74 79 70 69 73 6F 6D 00 00 02 00 69 73 6F 6D 69 73 6F 32 61 76 63 31 6D 70 34 31");

        Assert.That(ContentSignature.Detect(header), Is.EqualTo(new DetectedContent(MediaFormat.Mp4, 32)));
    }

    // ---- MP4: box size ------------------------------------------------------------------------

    [TestCase(0u, TestName = "{m}(Size 0 (box runs to end of file) is refused)")]
    [TestCase(1u, TestName = "{m}(Size 1 (64-bit largesize) is refused for ftyp)")]
    [TestCase(7u, TestName = "{m}(Size 7 is smaller than a box header)")]
    [TestCase(8u, TestName = "{m}(Size 8 is a bare header without a brand)")]
    [TestCase(12u, TestName = "{m}(Size 12 has a brand but no minor version)")]
    [TestCase(15u, TestName = "{m}(Size 15 is one byte short)")]
    public void Ftyp_box_smaller_than_16_bytes_is_not_mp4(uint boxSize)
    {
        Assert.That(ContentSignature.Detect(Ftyp("isom", boxSize, length: 32)), Is.Null);
    }

    [Test]
    public void Largesize_layout_is_not_mp4_either()
    {
        // size 1 means a 64-bit size follows the type, which pushes the brand to offset 16.
        byte[] largesize = [.. BoxHeader(1), 0, 0, 0, 0, 0, 0, 0, 32, .. "isom"u8, 0, 0, 0, 0, .. "isom"u8, .. "mp41"u8];

        Assert.That(ContentSignature.Detect(largesize), Is.Null);
    }

    [TestCase(16u)]
    [TestCase(20u)]
    [TestCase(4096u)]
    public void Ftyp_box_of_at_least_16_bytes_reports_its_size_as_the_minimum_file_length(uint boxSize)
    {
        var detected = ContentSignature.Detect(Ftyp("mp42", boxSize, length: 16));

        Assert.That(detected, Is.EqualTo(new DetectedContent(MediaFormat.Mp4, boxSize)));
    }

    [TestCase(0x0000_1000u, 24)]
    [TestCase(0x00A0_0001u, 64)]
    [TestCase(0x7FFF_FFFFu, 16)]
    [TestCase(0xFFFF_FFFFu, 16)]
    public void Ftyp_box_larger_than_the_file_is_exposed_by_its_minimum_length(uint boxSize, int fileLength)
    {
        var file = Ftyp("isom", boxSize, length: fileLength);

        var detected = ContentSignature.Detect(file);

        // The detector sees only the head; the caller compares this with the length it counted.
        Assert.That(detected?.Format, Is.EqualTo(MediaFormat.Mp4));
        Assert.That(detected?.MinimumLength, Is.EqualTo((long)boxSize).And.GreaterThan(file.Length));
    }

    [Test]
    public void Box_size_is_read_big_endian()
    {
        // 0x18000000 little-endian would be 24; read big-endian it is 402,653,184.
        byte[] header = [0x18, 0, 0, 0, .. "ftyp"u8, .. "isom"u8, 0, 0, 0, 0];

        Assert.That(ContentSignature.Detect(header)?.MinimumLength, Is.EqualTo(0x1800_0000L));
    }

    // ---- MP4: where the ftyp box is -----------------------------------------------------------

    private static IEnumerable<TestCaseData> FtypAtWrongOffset()
    {
        yield return Case("ftyp at offset 0", [.. "ftypisom"u8, 0, 0, 0, 24, .. "isom"u8, .. "mp41"u8]);
        yield return Case("ftyp at offset 3", [0, 0, 24, .. "ftypisom"u8, 0, 0, 0, 0, .. "mp41"u8]);
        yield return Case("ftyp at offset 5", [0, 0, 0, 0, 24, .. "ftypisom"u8, 0, 0, 0, 0, .. "mp41"u8]);
        yield return Case("ftyp at offset 8", [0, 0, 0, 8, .. "free"u8, .. "ftypisom"u8, 0, 0, 0, 0]);
        yield return Case(
            "free box before a well-formed ftyp box",
            [0, 0, 0, 8, .. "free"u8, .. BoxHeader(24), .. "isom"u8, 0, 0, 0, 0, .. "isom"u8, .. "mp41"u8]);
        yield return Case(
            "wide box before a well-formed ftyp box",
            [0, 0, 0, 8, .. "wide"u8, .. BoxHeader(24), .. "isom"u8, 0, 0, 0, 0, .. "isom"u8, .. "mp41"u8]);
        yield return Case("moov box first", [0, 0, 0, 24, .. "moov"u8, .. "isom"u8, 0, 0, 0, 0, 0, 0, 0, 0]);
        yield return Case("mdat box first", [0, 0, 0, 24, .. "mdat"u8, .. "isom"u8, 0, 0, 0, 0, 0, 0, 0, 0]);
        yield return Case("box type in upper case", [0, 0, 0, 24, .. "FTYP"u8, .. "isom"u8, 0, 0, 0, 0, 0, 0, 0, 0]);
        yield return Case("box type misspelt", [0, 0, 0, 24, .. "ftpy"u8, .. "isom"u8, 0, 0, 0, 0, 0, 0, 0, 0]);
        yield return Case("brand without an ftyp box", [0, 0, 0, 24, .. "isom"u8, .. "isom"u8, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    [TestCaseSource(nameof(FtypAtWrongOffset))]
    public void Ftyp_that_is_not_the_first_box_is_not_mp4(byte[] head)
    {
        Assert.That(ContentSignature.Detect(head), Is.Null);
    }

    // ---- Truncated headers --------------------------------------------------------------------

    private static IEnumerable<TestCaseData> TruncatedSignatures()
    {
        var jpeg = Hex("FF D8 FF E0");
        var png = PngMagic;
        var mp4 = Ftyp("isom", boxSize: 16);
        foreach (var (name, header, needed) in new[] { ("JPEG", jpeg, 3), ("PNG", png, 8), ("MP4", mp4, 12) })
        {
            for (var length = 0; length < needed; length++)
            {
                yield return new TestCaseData(header[..length]).SetArgDisplayNames($"{name} first {length} of {needed} bytes");
            }
        }
    }

    [TestCaseSource(nameof(TruncatedSignatures))]
    public void Every_proper_prefix_of_a_signature_is_not_recognised(byte[] prefix)
    {
        Assert.That(ContentSignature.Detect(prefix), Is.Null);
    }

    [TestCase(12)]
    [TestCase(13)]
    [TestCase(14)]
    [TestCase(15)]
    public void Mp4_file_cut_inside_its_ftyp_box_is_recognised_but_too_short(int length)
    {
        var file = Ftyp("isom", boxSize: 16)[..length];

        var detected = ContentSignature.Detect(file);

        Assert.That(detected, Is.EqualTo(new DetectedContent(MediaFormat.Mp4, 16)));
        Assert.That(detected!.Value.MinimumLength, Is.GreaterThan(file.Length));
    }

    [Test]
    public void Header_length_is_enough_to_decide_every_format()
    {
        byte[][] heads = [[.. JpegMagic, .. new byte[20]], [.. PngMagic, .. new byte[20]], Ftyp("dash", boxSize: 40)];

        foreach (var head in heads)
        {
            Assert.That(
                ContentSignature.Detect(head.AsSpan(0, ContentSignature.HeaderLength)),
                Is.EqualTo(ContentSignature.Detect(head)).And.Not.Null);
        }
    }

    // ---- Polyglots, other formats and junk ----------------------------------------------------

    private static IEnumerable<TestCaseData> PolyglotStarts()
    {
        yield return new TestCaseData(
                (byte[])[.. PngMagic, .. BoxHeader(24), .. "isom"u8, 0, 0, 0, 0, .. "isom"u8, .. "mp41"u8],
                new DetectedContent(MediaFormat.Png, 8))
            .SetArgDisplayNames("PNG magic followed by an ftyp box");
        yield return new TestCaseData(
                (byte[])[.. JpegMagic, 0xE0, .. "ftyp"u8, .. "isom"u8, 0, 0, 0, 0, .. "mp41"u8],
                new DetectedContent(MediaFormat.Jpeg, 3))
            .SetArgDisplayNames("JPEG magic as an ftyp size (0xFFD8FFE0) with ftyp at offset 4");
        yield return new TestCaseData(
                (byte[])[0x89, 0x50, 0x4E, 0x47, .. "ftyp"u8, .. "isom"u8, 0, 0, 0, 0],
                new DetectedContent(MediaFormat.Mp4, 0x8950_4E47))
            .SetArgDisplayNames("PNG's first four bytes as an ftyp size is an MP4 claiming 2.3 GB");
    }

    [TestCaseSource(nameof(PolyglotStarts))]
    public void Polyglot_start_is_decided_by_its_first_bytes(byte[] head, DetectedContent expected)
    {
        Assert.That(ContentSignature.Detect(head), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> OtherFormats()
    {
        yield return Case("GIF89a", [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0]);
        yield return Case("GIF87a", [.. "GIF87a"u8, 1, 0, 1, 0, 0x80, 0, 0]);
        yield return Case("PDF", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3]);
        yield return Case("ZIP local header", [.. "PK"u8, 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        yield return Case("ZIP empty archive", [.. "PK"u8, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0]);
        yield return Case("RIFF WEBP", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8]);
        yield return Case("RIFF AVI", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "AVI LIST"u8]);
        yield return Case("BMP", [.. "BM"u8, 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]);
        yield return Case("TIFF little-endian", [.. "II"u8, 0x2A, 0, 8, 0, 0, 0, 0, 0, 0, 0]);
        yield return Case("Matroska/WebM", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0xF7, 0x81]);
        yield return Case("Ogg", [.. "OggS"u8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
        yield return Case("MP3 with ID3", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0x21, 0, 0]);
        yield return Case("MPEG program stream", [0, 0, 1, 0xBA, 0x44, 0, 4, 0, 4, 1, 1, 0x89]);
        yield return Case("ELF executable", [0x7F, .. "ELF"u8, 2, 1, 1, 0, 0, 0, 0, 0]);
        yield return Case("Windows executable", [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
        yield return Case("SVG", [.. "<svg xmlns=\"http://www.w3.org/2000/svg\">"u8]);
        yield return Case("HTML", [.. "<!DOCTYPE html><html>"u8]);
        yield return Case("plain text", [.. "hello, this is not a picture\n"u8]);
        yield return Case("UTF-8 BOM text", [0xEF, 0xBB, 0xBF, .. "jpeg png mp4 ftyp"u8]);
        yield return Case("text that names the magic", [.. "FF D8 FF ftyp isom"u8]);
        yield return Case("all zeros", new byte[32]);
        yield return Case("all 0xFF", Enumerable.Repeat((byte)0xFF, 32).ToArray());
    }

    [TestCaseSource(nameof(OtherFormats))]
    public void Other_format_or_text_is_not_recognised(byte[] head)
    {
        Assert.That(ContentSignature.Detect(head), Is.Null);
    }

    [TestCase("FF D8 00 E0", TestName = "{m}(JPEG with third byte 00)")]
    [TestCase("FF D8 FE E0", TestName = "{m}(JPEG with third byte FE)")]
    [TestCase("FF D9 FF E0", TestName = "{m}(JPEG end-of-image marker instead of start)")]
    [TestCase("00 FF D8 FF E0", TestName = "{m}(JPEG magic one byte late)")]
    [TestCase("D8 FF E0", TestName = "{m}(JPEG missing its first byte)")]
    [TestCase("89 50 4E 47 0D 0A 1A 00", TestName = "{m}(PNG with last magic byte wrong)")]
    [TestCase("89 50 4E 47 0A 0D 1A 0A", TestName = "{m}(PNG with CR LF swapped)")]
    [TestCase("89 50 4E 47 0D 0A 0A", TestName = "{m}(PNG with CR LF converted to LF)")]
    [TestCase("88 50 4E 47 0D 0A 1A 0A", TestName = "{m}(PNG with high bit stripped)")]
    [TestCase("50 4E 47 0D 0A 1A 0A 00", TestName = "{m}(PNG missing its first byte)")]
    [TestCase("00 89 50 4E 47 0D 0A 1A 0A", TestName = "{m}(PNG magic one byte late)")]
    public void Near_miss_of_a_magic_number_is_not_recognised(string hex)
    {
        Assert.That(ContentSignature.Detect(Hex(hex)), Is.Null);
    }

    [Test]
    public void Empty_input_is_not_recognised()
    {
        Assert.That(ContentSignature.Detect([]), Is.Null);
        Assert.That(ContentSignature.Detect(ReadOnlySpan<byte>.Empty), Is.Null);
    }

    // ---- Purity --------------------------------------------------------------------------------

    [Test]
    public void Bytes_after_the_header_do_not_change_the_result()
    {
        var head = Ftyp("mp42", boxSize: 24);
        byte[] withMore = [.. head, .. Enumerable.Range(0, 4096).Select(i => (byte)i)];

        Assert.That(ContentSignature.Detect(withMore), Is.EqualTo(ContentSignature.Detect(head)).And.Not.Null);
    }

    [Test]
    public void Detection_allocates_nothing()
    {
        byte[][] heads = [[.. JpegMagic, 0xE0], PngMagic, Ftyp("MSNV", boxSize: 24), Ftyp("qt  ", boxSize: 24), "GIF89a"u8.ToArray()];
        foreach (var head in heads)
        {
            ContentSignature.Detect(head);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var recognised = 0;
        for (var i = 0; i < 1000; i++)
        {
            foreach (var head in heads)
            {
                recognised += ContentSignature.Detect(head).HasValue ? 1 : 0;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(recognised, Is.EqualTo(3000));
        Assert.That(allocated, Is.Zero);
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private static TestCaseData Case(string name, byte[] head) => new TestCaseData(head).SetArgDisplayNames(name);

    private static byte[] Hex(string spaced) => Convert.FromHexString(spaced.Replace(" ", string.Empty, StringComparison.Ordinal));

    private static byte[] BoxHeader(uint size)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, size);
        "ftyp"u8.CopyTo(header.AsSpan(4));
        return header;
    }

    /// <summary>
    /// An ftyp box declaring <paramref name="boxSize"/> with the given major brand, minor version 0
    /// and compatible brands filling the rest, cut or zero-padded to <paramref name="length"/> bytes
    /// (the declared size when not given).
    /// </summary>
    private static byte[] Ftyp(string brand, uint boxSize, int? length = null)
    {
        var bytes = new byte[length ?? (int)boxSize];
        var box = new byte[Math.Max(bytes.Length, 16)];
        BoxHeader(boxSize).CopyTo(box, 0);
        Encoding.Latin1.GetBytes(brand).CopyTo(box, 8);
        for (var offset = 16; offset + 4 <= box.Length; offset += 4)
        {
            "isom"u8.CopyTo(box.AsSpan(offset));
        }

        box.AsSpan(0, bytes.Length).CopyTo(bytes);
        return bytes;
    }
}
