using System.Globalization;
using System.Text;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Domain.UnitTests.Media;

public class OriginalFileNameTests
{
    private const int MaxLength = 255;

    [TestCase("photo.jpg")]
    [TestCase("photo.JPG")]
    [TestCase("a")]
    [TestCase("My Holiday Photo (1).jpeg")]
    [TestCase("name.with.many.dots.png")]
    [TestCase("100% [final] #2 & more!.png")]
    [TestCase("фото отпуск.png")]
    [TestCase("写真.jpg")]
    [TestCase("über-größe.png")]
    [TestCase("صورة.jpg")]
    [TestCase("emoji 😀 party 🎉.png")]
    [TestCase("e\u0301te\u0301.jpg")]
    public void Ordinary_name_is_kept_as_it_is(string name)
    {
        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Jpeg), Is.EqualTo(name));
    }

    [Test]
    public void Name_is_kept_for_display_and_not_renamed_to_the_detected_format()
    {
        Assert.That(OriginalFileName.Sanitize("holiday.jpeg", MediaFormat.Jpeg), Is.EqualTo("holiday.jpeg"));
        Assert.That(OriginalFileName.Sanitize("clip.MP4", MediaFormat.Mp4), Is.EqualTo("clip.MP4"));
    }

    // ---- Path parts ---------------------------------------------------------------------------

    [TestCase("/etc/passwd", "passwd")]
    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("..\\..\\windows\\win.ini", "win.ini")]
    [TestCase("C:\\Users\\me\\Pictures\\photo.jpg", "photo.jpg")]
    [TestCase("\\\\server\\share\\photo.png", "photo.png")]
    [TestCase("dir/sub\\photo.jpg", "photo.jpg")]
    [TestCase("a\\b/c.png", "c.png")]
    [TestCase("/photo.jpg", "photo.jpg")]
    [TestCase("\\photo.jpg", "photo.jpg")]
    [TestCase("./photo.jpg", "photo.jpg")]
    [TestCase("file:///home/me/photo.jpg", "photo.jpg")]
    [TestCase("albums/2024/../../../photo.jpg", "photo.jpg")]
    [TestCase("photo.jpg/../x.png", "x.png")]
    public void Path_parts_with_either_separator_are_removed(string name, string expected)
    {
        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Jpeg), Is.EqualTo(expected));
    }

    // ---- Invisible characters -----------------------------------------------------------------

    [TestCase("pho\0to.jpg", TestName = "{m}(NUL)")]
    [TestCase("photo\r\n.jpg", TestName = "{m}(CR LF)")]
    [TestCase("\tphoto.jpg", TestName = "{m}(tab)")]
    [TestCase("photo\u0007.jpg", TestName = "{m}(bell)")]
    [TestCase("photo\u007F.jpg", TestName = "{m}(DEL)")]
    [TestCase("photo\u0085.jpg", TestName = "{m}(C1 next line)")]
    [TestCase("photo\u009B.jpg", TestName = "{m}(C1 control sequence introducer)")]
    [TestCase("photo\u200B.jpg", TestName = "{m}(zero-width space)")]
    [TestCase("pho\u200Dto.jpg", TestName = "{m}(zero-width joiner)")]
    [TestCase("\uFEFFphoto.jpg", TestName = "{m}(byte order mark)")]
    [TestCase("photo\u00AD.jpg", TestName = "{m}(soft hyphen)")]
    [TestCase("\u2066photo.jpg\u2069", TestName = "{m}(bidi isolates)")]
    [TestCase("\u061Cphoto.jpg", TestName = "{m}(Arabic letter mark)")]
    [TestCase("photo\u2028\u2029.jpg", TestName = "{m}(line and paragraph separators)")]
    [TestCase("photo\U000E0001.jpg", TestName = "{m}(language tag outside the BMP)")]
    public void Control_and_format_characters_are_removed(string name)
    {
        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Jpeg), Is.EqualTo("photo.jpg"));
    }

    [Test]
    public void Right_to_left_override_cannot_disguise_an_extension()
    {
        // "invoice\u202Egpj.exe" displays as "invoiceexe.jpg".
        Assert.That(OriginalFileName.Sanitize("invoice\u202Egpj.exe", MediaFormat.Jpeg), Is.EqualTo("invoicegpj.exe"));
    }

    [Test]
    public void Terminal_escape_sequence_loses_its_escape()
    {
        Assert.That(OriginalFileName.Sanitize("\u001B[31mred.jpg", MediaFormat.Jpeg), Is.EqualTo("[31mred.jpg"));
    }

    [Test]
    public void Lone_surrogate_becomes_a_replacement_character()
    {
        // A lone surrogate is not text: it cannot be written as UTF-8 to the database or JSON.
        Assert.That(OriginalFileName.Sanitize("photo\uD800.jpg", MediaFormat.Jpeg), Is.EqualTo("photo\uFFFD.jpg"));
        Assert.That(OriginalFileName.Sanitize("\uDC00photo.jpg", MediaFormat.Jpeg), Is.EqualTo("\uFFFDphoto.jpg"));
    }

    [Test]
    public void Removal_happens_before_the_length_is_counted()
    {
        var name = string.Concat(Enumerable.Repeat("a\0", 200)) + ".jpg";

        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Jpeg), Is.EqualTo(new string('a', 200) + ".jpg"));
    }

    // ---- Whitespace and directory tricks ------------------------------------------------------

    [TestCase("  photo.jpg  ", "photo.jpg")]
    [TestCase("\u00A0photo.jpg\u3000", "photo.jpg")]
    [TestCase(".hidden.jpg", "hidden.jpg")]
    [TestCase("..photo.jpg", "photo.jpg")]
    [TestCase("...photo.jpg", "photo.jpg")]
    [TestCase("../.photo.jpg", "photo.jpg")]
    [TestCase(" . photo.jpg", "photo.jpg")]
    [TestCase(". . photo.jpg", "photo.jpg")]
    [TestCase(".. ..photo.jpg", "photo.jpg")]
    [TestCase(".\u200B.photo.jpg", "photo.jpg")]
    [TestCase("photo . jpg", "photo . jpg")]
    public void Leading_dots_and_surrounding_whitespace_are_removed(string name, string expected)
    {
        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Jpeg), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> NothingLeft()
    {
        string?[] names =
        [
            null, "", " ", "   ", "\t\r\n", "\0", "\u202E", "\u200B\uFEFF",
            ".", "..", "...", ". .", " .. ", ".\0.",
            "/", "\\", "../", "..\\", "/..", "foo/..", "foo\\.", "photos/", "C:\\Users\\me\\", "....//",
            ".jpg", "..png", ". .mp4", "dir/.jpeg",
        ];
        (MediaFormat Format, string Expected)[] formats =
            [(MediaFormat.Jpeg, "upload.jpg"), (MediaFormat.Png, "upload.png"), (MediaFormat.Mp4, "upload.mp4")];

        foreach (var name in names)
        {
            foreach (var (format, expected) in formats)
            {
                var shown = name is null ? "null" : "\"" + Escape(name) + "\"";
                yield return new TestCaseData(name, format, expected).SetArgDisplayNames(shown, format.Name);
            }
        }
    }

    [TestCaseSource(nameof(NothingLeft))]
    public void Name_with_nothing_left_becomes_upload_with_the_detected_extension(string? name, MediaFormat format, string expected)
    {
        Assert.That(OriginalFileName.Sanitize(name, format), Is.EqualTo(expected));
    }

    // ---- Length -------------------------------------------------------------------------------

    [Test]
    public void Name_of_exactly_255_characters_is_kept()
    {
        var name = new string('a', 251) + ".jpg";

        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Jpeg), Is.EqualTo(name));
    }

    [TestCase(252, ".jpg")]
    [TestCase(1000, ".jpeg")]
    [TestCase(300, ".png")]
    [TestCase(5000, ".mp4")]
    public void Long_name_is_cut_in_its_stem_keeping_the_extension(int stemLength, string extension)
    {
        var name = new string('a', stemLength) + extension;

        var sanitized = OriginalFileName.Sanitize(name, MediaFormat.Jpeg);

        Assert.That(sanitized, Is.EqualTo(new string('a', MaxLength - extension.Length) + extension));
    }

    [Test]
    public void Long_name_without_an_extension_is_cut_at_255()
    {
        var name = string.Concat(Enumerable.Range(0, 400).Select(i => (char)('a' + (i % 26))));

        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Png), Is.EqualTo(name[..MaxLength]));
    }

    [Test]
    public void Overlong_extension_is_not_kept_at_the_expense_of_the_stem()
    {
        var name = "holiday." + new string('x', 300);

        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Png), Is.EqualTo(name[..MaxLength]));
    }

    [Test]
    public void Extension_outside_the_BMP_is_kept_whole()
    {
        var name = new string('a', 300) + ".😀";

        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Png), Is.EqualTo(new string('a', 252) + ".😀"));
    }

    [TestCase("", TestName = "{m}(pair starts at the cut)")]
    [TestCase("x", TestName = "{m}(pair ends at the cut)")]
    public void Cut_never_splits_a_surrogate_pair(string prefix)
    {
        var name = prefix + string.Concat(Enumerable.Repeat("😀", 200)) + ".png";

        var sanitized = OriginalFileName.Sanitize(name, MediaFormat.Png);

        Assert.That(sanitized, Has.Length.LessThanOrEqualTo(MaxLength).And.Length.GreaterThanOrEqualTo(MaxLength - 1));
        Assert.That(IsWellFormedUtf16(sanitized), Is.True, "no lone surrogate");
        Assert.That(sanitized, Does.StartWith(prefix + "😀").And.EndWith("😀.png"));
    }

    [Test]
    public void Every_possible_cut_in_a_mixed_name_is_well_formed()
    {
        // Shift a pair across the cut position one char at a time, whatever the extension's length.
        foreach (var extension in new[] { "", ".a", ".jpg", ".jpeg" })
        {
            for (var padding = 240; padding <= 260; padding++)
            {
                var name = new string('a', padding) + "😀🎉" + new string('b', 10) + extension;

                var sanitized = OriginalFileName.Sanitize(name, MediaFormat.Jpeg);

                Assert.That(sanitized, Has.Length.LessThanOrEqualTo(MaxLength), name);
                Assert.That(IsWellFormedUtf16(sanitized), Is.True, name);
                Assert.That(sanitized, Does.EndWith(extension), name);
            }
        }
    }

    // ---- Properties over hostile input ---------------------------------------------------------

    private static IEnumerable<TestCaseData> HostileNames()
    {
        string[] names =
        [
            "../../../../etc/passwd\0.jpg",
            "..\\..\\..\\boot.ini",
            "\u202Egnp.exe",
            ". . ./.. ..\\.\u200B.",
            "\r\nContent-Type: text/html\r\n\r\n<script>.jpg",
            "x\"; filename*=UTF-8''evil.exe",
            new string('/', 300),
            new string('.', 300) + "x",
            string.Concat(Enumerable.Repeat("\u202E😀", 300)) + ".png",
            string.Concat(Enumerable.Repeat(".\\/", 100)),
            "\uD83D" + new string('z', 300),
            new string(' ', 100) + new string('a', 300) + new string(' ', 100),
        ];
        return names.Select((name, i) => new TestCaseData(name).SetArgDisplayNames($"hostile #{i}"));
    }

    [TestCaseSource(nameof(HostileNames))]
    public void Sanitized_name_is_always_a_safe_display_name(string name)
    {
        var sanitized = OriginalFileName.Sanitize(name, MediaFormat.Jpeg);

        Assert.That(sanitized, Is.Not.Empty.And.Length.LessThanOrEqualTo(MaxLength));
        Assert.That(sanitized, Does.Not.Contain('/').And.Not.Contain('\\'));
        Assert.That(sanitized, Does.Not.StartWith(".").And.Not.StartWith(" "));
        Assert.That(sanitized.EnumerateRunes().Select(Rune.GetUnicodeCategory), Has.None.AnyOf(
            UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator));
        Assert.That(IsWellFormedUtf16(sanitized), Is.True);
        Assert.That(OriginalFileName.Sanitize(sanitized, MediaFormat.Jpeg), Is.EqualTo(sanitized), "sanitising is idempotent");
    }

    // ---- Cost ---------------------------------------------------------------------------------

    [Test]
    public void Clean_name_is_returned_itself_not_copied()
    {
        var name = string.Concat("IMG_20240101_", "123456.jpg");

        Assert.That(OriginalFileName.Sanitize(name, MediaFormat.Jpeg), Is.SameAs(name));
    }

    private static IEnumerable<TestCaseData> NamesToClean()
    {
        yield return new TestCaseData("photo.jpg").SetArgDisplayNames("clean");
        yield return new TestCaseData("C:\\Users\\me\\..\\ holiday\u202Egnp.exe\r\n.png").SetArgDisplayNames("path and control chars");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("отпуск 😀 ", 40)) + ".jpeg").SetArgDisplayNames("long unicode");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("a\u200B", 2000)) + ".png").SetArgDisplayNames("4000 chars with invisible ones");
        yield return new TestCaseData("../..").SetArgDisplayNames("nothing left");
    }

    [TestCaseSource(nameof(NamesToClean))]
    public void Sanitising_allocates_no_more_than_its_result(string name)
    {
        OriginalFileName.Sanitize(name, MediaFormat.Png);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sanitized = OriginalFileName.Sanitize(name, MediaFormat.Png);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // A string object is a 20-byte header plus two bytes a char and a terminator, padded to 8.
        var resultSize = ReferenceEquals(sanitized, name) ? 0 : (20 + (2 * (sanitized.Length + 1)) + 7) & ~7;
        Assert.That(allocated, Is.LessThanOrEqualTo(resultSize));
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Escape(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
            ? $"\\u{(int)c:X4}"
            : c.ToString()));
}
