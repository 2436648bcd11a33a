using PersonaMedia.Domain.Common;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Domain.UnitTests.Media;

public class MediaFileTests
{
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string StoredName = "3f2c9a1e0b7d4c6f8e2a1b3c4d5e6f70.jpg";
    private static readonly DateTime Now = new(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    // ---- Create -------------------------------------------------------------------------------

    [Test]
    public void Created_file_carries_the_facts_it_was_given_and_its_format()
    {
        var file = MediaFile.Create(7, 3, StoredName, "holiday.jpeg", MediaFormat.Jpeg, 1_024_000, Sha256, "Profile picture", Now);

        Assert.That(file.UserId, Is.EqualTo(7));
        Assert.That(file.PersonaId, Is.EqualTo(3));
        Assert.That(file.FileName, Is.EqualTo(StoredName));
        Assert.That(file.OriginalFileName, Is.EqualTo("holiday.jpeg"));
        Assert.That(file.FileSize, Is.EqualTo(1_024_000));
        Assert.That(file.Sha256, Is.EqualTo(Sha256));
        Assert.That(file.Description, Is.EqualTo("Profile picture"));
        Assert.That(file.MimeType, Is.EqualTo("image/jpeg"));
        Assert.That(file.MediaType, Is.EqualTo(MediaType.Image));
        Assert.That(file.CreatedAt, Is.EqualTo(Now));
        Assert.That(file.UpdatedAt, Is.EqualTo(Now));
    }

    private static IEnumerable<TestCaseData> Formats() => MediaFormat.All.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Formats))]
    public void Mime_and_media_type_come_from_the_detected_format(MediaFormat format)
    {
        var file = MediaFile.Create(1, 1, "a" + format.Extension, "x", format, 10, Sha256, null, Now);

        Assert.That(file.MimeType, Is.EqualTo(format.ContentType));
        Assert.That(file.MediaType, Is.EqualTo(format.MediaType));
    }

    [TestCase(1L)]
    [TestCase(1_048_576L)]
    [TestCase(10_485_759L)]
    [TestCase(10_485_760L)]
    public void Size_from_one_byte_up_to_exactly_10_MiB_is_accepted(long size)
    {
        Assert.That(Create(fileSize: size).FileSize, Is.EqualTo(size));
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    [TestCase(10_485_761L)]
    [TestCase(long.MaxValue)]
    public void Empty_or_oversized_file_is_refused(long size)
    {
        var error = Assert.Throws<DomainException>(() => Create(fileSize: size));

        Assert.That(error.Message, Does.Contain("10485760"));
    }

    [TestCase("0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Lower_case_hex_sha256_is_accepted(string sha256)
    {
        Assert.That(Create(sha256: sha256).Sha256, Is.EqualTo(sha256));
    }

    [TestCase("", TestName = "{m}(empty)")]
    [TestCase("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", TestName = "{m}(upper case)")]
    [TestCase("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0", TestName = "{m}(63 digits)")]
    [TestCase("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a080", TestName = "{m}(65 digits)")]
    [TestCase("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g", TestName = "{m}(non-hex letter)")]
    [TestCase("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0 ", TestName = "{m}(trailing space)")]
    [TestCase("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0٣", TestName = "{m}(non-ASCII digit)")]
    [TestCase("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=", TestName = "{m}(base64 instead of hex)")]
    public void Sha256_that_is_not_64_lower_case_hex_digits_is_refused(string sha256)
    {
        var error = Assert.Throws<DomainException>(() => Create(sha256: sha256));

        Assert.That(error.Message, Does.Contain("SHA-256"));
    }

    [TestCase("a.png", "JPEG")]
    [TestCase("a.jpeg", "JPEG")]
    [TestCase("a.JPG", "JPEG")]
    [TestCase("a.jpg.png", "JPEG")]
    [TestCase("ajpg", "JPEG")]
    [TestCase("a.jpg", "PNG")]
    [TestCase("a.mp4", "PNG")]
    [TestCase("a.jpg", "MP4")]
    [TestCase("a.m4v", "MP4")]
    [TestCase("", "MP4")]
    public void Stored_name_without_the_extension_of_the_detected_format_is_refused(string fileName, string formatName)
    {
        var format = MediaFormat.All.Single(f => f.Name == formatName);

        var error = Assert.Throws<DomainException>(() => Create(fileName: fileName, format: format));

        Assert.That(error.Message, Does.Contain("extension"));
    }

    [Test]
    public void Stored_name_longer_than_its_column_is_refused()
    {
        var fileName = new string('a', MediaFile.FileNameMaxLength - 3) + ".jpg";

        Assert.Throws<DomainException>(() => Create(fileName: fileName));
        Assert.That(Create(fileName: fileName[1..]).FileName, Has.Length.EqualTo(MediaFile.FileNameMaxLength));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Blank_original_name_is_refused(string originalFileName)
    {
        Assert.Throws<DomainException>(() => Create(originalFileName: originalFileName));
    }

    [Test]
    public void Original_name_of_at_most_255_characters_is_accepted()
    {
        Assert.That(Create(originalFileName: new string('o', 255)).OriginalFileName, Has.Length.EqualTo(255));
        Assert.Throws<DomainException>(() => Create(originalFileName: new string('o', 256)));
    }

    [Test]
    public void Sanitised_original_name_is_always_accepted()
    {
        foreach (var hostile in new[] { null, "", "../..", new string('x', 5000) + ".jpg" })
        {
            var name = OriginalFileName.Sanitize(hostile, MediaFormat.Jpeg);

            Assert.That(Create(originalFileName: name).OriginalFileName, Is.EqualTo(name));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("A caption")]
    public void Description_is_optional(string? description)
    {
        Assert.That(Create(description: description).Description, Is.EqualTo(description));
    }

    [Test]
    public void Description_of_exactly_1000_characters_is_accepted_and_1001_refused()
    {
        Assert.That(Create(description: new string('d', 1000)).Description, Has.Length.EqualTo(1000));

        var error = Assert.Throws<DomainException>(() => Create(description: new string('d', 1001)));

        Assert.That(error.Message, Does.Contain("1000"));
    }

    [TestCase(DateTimeKind.Local)]
    [TestCase(DateTimeKind.Unspecified)]
    public void Time_that_is_not_UTC_is_refused(DateTimeKind kind)
    {
        Assert.Throws<DomainException>(() => Create(now: DateTime.SpecifyKind(Now, kind)));
    }

    // ---- Names -------------------------------------------------------------------------------

    [TestCaseSource(nameof(Formats))]
    public void New_stored_name_is_a_uuid_with_the_format_extension(MediaFormat format)
    {
        var name = MediaFile.NewFileName(format);

        Assert.That(name, Does.Match("^[0-9a-f]{32}" + System.Text.RegularExpressions.Regex.Escape(format.Extension) + "$"));
        Assert.That(name, Has.Length.LessThanOrEqualTo(MediaFile.FileNameMaxLength));
        Assert.That(Create(fileName: name, format: format).FileName, Is.EqualTo(name));
    }

    // ---- SetDescription---------------------------------------------------------------------------

    [Test]
    public void SetDescription_sets_the_description_and_moves_updated_at_to_now()
    {
        var file = Create(description: "old");
        var later = Now.AddMinutes(5);

        file.SetDescription("new", later);

        Assert.That(file.Description, Is.EqualTo("new"));
        Assert.That(file.UpdatedAt, Is.EqualTo(later));
        Assert.That(file.CreatedAt, Is.EqualTo(Now));
    }

    [Test]
    public void SetDescription_with_null_clears_the_description()
    {
        var file = Create(description: "old");

        file.SetDescription(null, Now.AddSeconds(1));

        Assert.That(file.Description, Is.Null);
    }

    [TestCase(0)]
    [TestCase(-60)]
    public void SetDescription_advances_updated_at_even_when_the_clock_does_not(int secondsFromCreation)
    {
        // Two edits in the same tick, or a clock stepped back, must still show that the file changed.
        var file = Create();

        file.SetDescription("first", Now.AddSeconds(secondsFromCreation));
        var afterFirst = file.UpdatedAt;
        file.SetDescription("second", Now.AddSeconds(secondsFromCreation));

        Assert.That(afterFirst, Is.GreaterThan(Now));
        Assert.That(file.UpdatedAt, Is.GreaterThan(afterFirst));
        Assert.That(file.UpdatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public void SetDescription_with_1000_characters_is_accepted()
    {
        var file = Create();

        file.SetDescription(new string('d', 1000), Now.AddSeconds(1));

        Assert.That(file.Description, Has.Length.EqualTo(1000));
    }

    [Test]
    public void Refused_description_leaves_the_file_unchanged()
    {
        var file = Create(description: "kept");

        Assert.Throws<DomainException>(() => file.SetDescription(new string('d', 1001), Now.AddMinutes(1)));

        Assert.That(file.Description, Is.EqualTo("kept"));
        Assert.That(file.UpdatedAt, Is.EqualTo(Now));
    }

    [TestCase(DateTimeKind.Local)]
    [TestCase(DateTimeKind.Unspecified)]
    public void SetDescription_at_a_time_that_is_not_UTC_is_refused_and_leaves_the_file_unchanged(DateTimeKind kind)
    {
        var file = Create(description: "kept");

        Assert.Throws<DomainException>(() => file.SetDescription("new", DateTime.SpecifyKind(Now.AddMinutes(1), kind)));

        Assert.That(file.Description, Is.EqualTo("kept"));
        Assert.That(file.UpdatedAt, Is.EqualTo(Now));
    }

    private static MediaFile Create(
        string fileName = StoredName,
        string originalFileName = "photo.jpg",
        MediaFormat? format = null,
        long fileSize = 2048,
        string sha256 = Sha256,
        string? description = null,
        DateTime? now = null) =>
        MediaFile.Create(1, 2, fileName, originalFileName, format ?? MediaFormat.Jpeg, fileSize, sha256, description, now ?? Now);
}
