namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>The committed media files of <c>make-fixtures.sh</c>, read from the test output folder.</summary>
public static class MediaFixtures
{
    /// <summary>64x48 JPEG, EXIF orientation 6 (shown 48x64), with GPS, serial, XMP, IPTC, a comment and an sRGB ICC profile.</summary>
    public const string PhotoJpeg = "photo-gps.jpg";

    /// <summary>40x30 PNG with EXIF GPS (eXIf), tEXt/iTXt/zTXt text, tIME and colour chunks.</summary>
    public const string PhotoPng = "photo-gps.png";

    /// <summary>2 s, 64x48 H.264 (avc1) with AAC audio, moov before mdat, location in loci, ©xyz and XMP.</summary>
    public const string VideoMoovFirst = "video-moov-first.mp4";

    /// <summary>3 s, 80x60 HEVC (hvc1) without audio, moov after mdat, location as a meta key.</summary>
    public const string VideoMoovLast = "video-moov-last.mp4";

    /// <summary>A PNG whose IHDR declares 100000x100000 over a 1x1 body.</summary>
    public const string FloodPng = "flood.png";

    /// <summary>The JPEG above with its frame header declaring 60000x60000.</summary>
    public const string FloodJpeg = "flood.jpg";

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Media", "Fixtures", name));
}
