using System.Text;
using BenchmarkDotNet.Attributes;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Benchmarks;

/// <summary>
/// Sanitising runs once per upload. It should allocate its result and little more, and return
/// an already clean name without building a new one.
/// </summary>
[MemoryDiagnoser]
public class OriginalFileNameBenchmarks
{
    private readonly string _plainAscii = "IMG_20240101_123456.jpg";

    // 7 x 45 + 5 = 320 UTF-16 chars of Latin, Cyrillic, CJK and emoji: cut to 255 keeping ".jpeg".
    private readonly string _longUnicode = Repeat("Urlaub am Meer – отпуск на море – 海辺の休暇 😀🎉 ", 7) + ".jpeg";

    // What an old browser or a hostile client sends: a Windows path, a bidi override, CR LF and a NUL.
    private readonly string _pathAndControlChars = "C:\\Users\\me\\Pictures\\..\\..\\./\u0000 holiday\u202Egnp.exe\r\n.png";

    [Benchmark]
    public string PlainAscii() => OriginalFileName.Sanitize(_plainAscii, MediaFormat.Jpeg);

    [Benchmark]
    public string LongUnicode() => OriginalFileName.Sanitize(_longUnicode, MediaFormat.Jpeg);

    [Benchmark]
    public string PathAndControlChars() => OriginalFileName.Sanitize(_pathAndControlChars, MediaFormat.Png);

    private static string Repeat(string value, int count) => new StringBuilder(value.Length * count).Insert(0, value, count).ToString();
}
