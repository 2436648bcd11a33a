using System.Net;
using System.Net.Http.Headers;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>SPEC's upload rules, in the order they are checked.</summary>
public class UploadRulesTests(TestEnvironment environment) : UploadTestBase(environment)
{
    // Rule 1: token, then persona ownership.

    [Test]
    public async Task Upload_without_a_token_is_401_with_a_bearer_challenge()
    {
        var anonymous = App.CreateClient();

        var response = await RefusedAsync(
            () => anonymous.PostAsync(Uploads.ImageUrl(PersonaId), Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg"))),
            HttpStatusCode.Unauthorized);

        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Upload_to_another_users_persona_is_404()
    {
        var other = await App.CreateUserAsync();

        var response = await RefusedAsync(() => other.UploadImageAsync(PersonaId, Payloads.Jpeg()), HttpStatusCode.NotFound);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "Persona not found");
    }

    [Test]
    public async Task Upload_to_a_missing_persona_is_404_even_when_too_large()
    {
        var response = await RefusedAsync(
            () => User.UploadImageAsync(PersonaId + 1000, Payloads.Jpeg(Payloads.Limit + 1)), HttpStatusCode.NotFound);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Upload_to_another_users_persona_is_404_even_without_a_boundary()
    {
        // Rule 1 comes before anything of the body is read.
        var other = await App.CreateUserAsync();
        var content = new ByteArrayContent(Payloads.Jpeg());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        var response = await RefusedAsync(() => other.Http.PostAsync(Uploads.ImageUrl(PersonaId), content), HttpStatusCode.NotFound);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "Persona not found");
    }

    // Rule 2: size.

    [Test]
    public async Task Upload_of_exactly_10_MiB_is_accepted()
    {
        var bytes = Payloads.Jpeg(Payloads.Limit);

        var file = await User.UploadImageAsync(PersonaId, bytes).UploadOkAsync();

        Assert.That(file.GetProperty("file_size").GetInt64(), Is.EqualTo(10_485_760));
        Assert.That(file.GetProperty("sha256").GetString(), Is.EqualTo(Payloads.Sha256(bytes)));
    }

    [Test]
    public async Task Upload_of_one_byte_more_than_10_MiB_is_413()
    {
        var response = await RefusedAsync(
            () => User.UploadVideoAsync(PersonaId, Payloads.Mp4(Payloads.Limit + 1)), HttpStatusCode.RequestEntityTooLarge);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Test]
    public async Task Oversize_chunked_body_without_content_length_is_413()
    {
        var form = Uploads.Form(FormPart.File(new UnsizedContent(Payloads.Mp4(11 * Payloads.MiB)), "big.mp4", "video/mp4"));
        Assert.That(form.Headers.ContentLength, Is.Null, "the test must send no Content-Length");
        using var request = new HttpRequestMessage(HttpMethod.Post, Uploads.VideoUrl(PersonaId)) { Content = form };
        request.Headers.TransferEncodingChunked = true;

        var response = await RefusedAsync(() => User.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    // Rule 3: exactly one non-empty file part.

    [Test]
    public async Task Form_without_a_file_part_is_400()
    {
        var response = await RefusedAsync(
            () => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), Uploads.Form(FormPart.Field("description", "no file"))),
            HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "file");
    }

    [Test]
    public async Task File_under_another_field_name_is_not_taken_for_the_file()
    {
        var response = await RefusedAsync(
            () => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg", name: "upload"))),
            HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file");
    }

    [Test]
    public async Task Two_file_parts_are_400()
    {
        var form = Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg"), FormPart.File(Payloads.Jpeg(), "b.jpg"));

        var response = await RefusedAsync(() => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), form), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "one file part");
    }

    [Test]
    public async Task Empty_file_is_400()
    {
        var response = await RefusedAsync(() => User.UploadImageAsync(PersonaId, [], "empty.jpg"), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "empty");
    }

    [Test]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        var response = await RefusedAsync(
            () => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), new ByteArrayContent(Payloads.Jpeg())
            {
                Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") },
            }),
            HttpStatusCode.UnsupportedMediaType);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task A_multipart_body_cut_off_before_its_closing_boundary_is_400()
    {
        var body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n"u8.ToArray()
            .Concat(Payloads.Jpeg()).ToArray();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var response = await RefusedAsync(() => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), content), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "malformed");
    }

    [Test]
    public async Task A_form_with_more_parts_than_the_limit_is_400()
    {
        var fields = Enumerable.Range(0, 16).Select(i => FormPart.Field($"extra{i}", "x"));
        var form = Uploads.Form([.. fields, FormPart.File(Payloads.Jpeg(), "a.jpg")]);

        var response = await RefusedAsync(() => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), form), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "more than 16 parts");
    }

    [Test]
    public async Task Parts_after_the_file_count_towards_the_limit_too()
    {
        var fields = Enumerable.Range(0, 16).Select(i => FormPart.Field($"extra{i}", "x"));
        var form = Uploads.Form([FormPart.File(Payloads.Jpeg(), "a.jpg"), .. fields]);

        var response = await RefusedAsync(() => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), form), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "more than 16 parts");
    }

    [Test]
    public async Task A_form_of_exactly_16_parts_is_accepted()
    {
        var fields = Enumerable.Range(0, 15).Select(i => FormPart.Field($"extra{i}", "x"));

        await User.Http.PostAsync(Uploads.ImageUrl(PersonaId), Uploads.Form([.. fields, FormPart.File(Payloads.Jpeg(), "a.jpg")]))
            .UploadOkAsync();
    }

    [Test]
    public async Task Text_fields_over_64_KiB_together_are_400_though_each_is_within_its_own_limit()
    {
        // Five fields of 14,000 bytes: each under the 16 KiB of one field, together past 65,536 bytes.
        var fields = Enumerable.Range(0, 5).Select(i => FormPart.Field($"extra{i}", new string('x', 14_000)));
        var form = Uploads.Form([.. fields, FormPart.File(Payloads.Jpeg(), "a.jpg")]);

        var response = await RefusedAsync(() => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), form), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "65536 bytes");
    }

    [Test]
    public async Task Text_fields_count_in_utf8_bytes()
    {
        // 4 x 7,000 three-byte characters: 28,000 characters, 84,000 bytes.
        var fields = Enumerable.Range(0, 4).Select(i => FormPart.Field($"extra{i}", new string('\u20ac', 7_000)));
        var form = Uploads.Form([.. fields, FormPart.File(Payloads.Jpeg(), "a.jpg")]);

        var response = await RefusedAsync(() => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), form), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "65536 bytes");
    }

    [Test]
    public async Task Text_fields_of_64_KiB_together_are_accepted()
    {
        var fields = Enumerable.Range(0, 4).Select(i => FormPart.Field($"extra{i}", new string('x', 16 * 1024)));

        await User.Http.PostAsync(Uploads.ImageUrl(PersonaId), Uploads.Form([.. fields, FormPart.File(Payloads.Jpeg(), "a.jpg")]))
            .UploadOkAsync();
    }

    // Rule 4: extension.

    [TestCase("image", "photo.gif")]
    [TestCase("image", "photo.mp4")]
    [TestCase("image", "photo")]
    [TestCase("image", "photo.jpg.exe")]
    [TestCase("video", "clip.mov")]
    [TestCase("video", "clip.jpg")]
    public async Task A_file_name_with_an_extension_the_endpoint_does_not_take_is_400_naming_the_allowed_ones(string endpoint, string fileName)
    {
        var (url, bytes, allowed) = endpoint == "image"
            ? (Uploads.ImageUrl(PersonaId), Payloads.Jpeg(), ".jpg, .jpeg, .png")
            : (Uploads.VideoUrl(PersonaId), Payloads.Mp4(), ".mp4");

        var response = await RefusedAsync(
            () => User.Http.PostAsync(url, Uploads.Form(FormPart.File(bytes, fileName))), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", allowed);
    }

    [TestCase("PHOTO.JPG")]
    [TestCase("photo.Jpeg")]
    public async Task Extensions_are_compared_without_case(string fileName)
    {
        var file = await User.UploadImageAsync(PersonaId, Payloads.Jpeg(), fileName).UploadOkAsync();

        Assert.That(file.GetProperty("filename").GetString(), Does.EndWith(".jpg"));
    }

    // Rule 5: declared content type.

    [TestCase("text/plain")]
    [TestCase("image/gif")]
    [TestCase("video/mp4")]
    public async Task A_declared_type_the_image_endpoint_does_not_take_is_400(string contentType)
    {
        var response = await RefusedAsync(
            () => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg", contentType))),
            HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "content type");
    }

    [TestCase("image/jpeg")]
    [TestCase("image/jpg")]
    [TestCase("IMAGE/JPEG")]
    [TestCase("image/jpeg; charset=binary")]
    [TestCase("application/octet-stream")]
    [TestCase(null)]
    public async Task Allowed_or_absent_declared_types_are_accepted(string? contentType)
    {
        var form = Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg", contentType));

        var file = await User.Http.PostAsync(Uploads.ImageUrl(PersonaId), form).UploadOkAsync();

        Assert.That(file.GetProperty("mime_type").GetString(), Is.EqualTo("image/jpeg"));
    }

    // Rule 6: signature.

    private static IEnumerable<TestCaseData> SignatureMismatches()
    {
        yield return new TestCaseData("image", Payloads.Png(), "photo.jpg", null).SetName("Png_bytes_named_jpg_are_refused");
        yield return new TestCaseData("image", Payloads.Jpeg(), "photo.png", null).SetName("Jpeg_bytes_named_png_are_refused");
        yield return new TestCaseData("image", Payloads.Text(), "notes.jpg", null).SetName("Text_named_jpg_is_refused");
        yield return new TestCaseData("image", Payloads.Jpeg(), "photo.jpg", "image/png").SetName("Jpeg_bytes_declared_png_are_refused");
        yield return new TestCaseData("image", Payloads.Jpeg(2), "tiny.jpg", null).SetName("Two_bytes_of_a_jpeg_are_refused");
        yield return new TestCaseData("video", Payloads.Jpeg(), "clip.mp4", null).SetName("Jpeg_bytes_named_mp4_are_refused");
        yield return new TestCaseData("video", Payloads.Mp4(brand: "qt  "), "clip.mp4", null).SetName("Quicktime_brand_is_refused");
        yield return new TestCaseData("video", Payloads.Mp4(4096, ftypSize: 8), "clip.mp4", null).SetName("Mp4_with_an_ftyp_box_under_16_bytes_is_refused");
        yield return new TestCaseData("video", Payloads.Mp4(4096, ftypSize: 5000), "clip.mp4", null).SetName("Mp4_whose_ftyp_box_is_larger_than_the_file_is_refused");
    }

    [TestCaseSource(nameof(SignatureMismatches))]
    public async Task Content_that_does_not_match_its_name_or_declared_type_is_400(string endpoint, byte[] bytes, string fileName, string? contentType)
    {
        var url = endpoint == "image" ? Uploads.ImageUrl(PersonaId) : Uploads.VideoUrl(PersonaId);

        var response = await RefusedAsync(
            () => User.Http.PostAsync(url, Uploads.Form(FormPart.File(bytes, fileName, contentType))), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("file", "content does not match");
    }

    [TestCase("isom")]
    [TestCase("iso2")]
    [TestCase("mp41")]
    [TestCase("mp42")]
    [TestCase("avc1")]
    [TestCase("M4V ")]
    [TestCase("dash")]
    public async Task Mp4_brands_of_the_contract_are_accepted(string brand)
    {
        var file = await User.UploadVideoAsync(PersonaId, Payloads.Mp4(brand: brand)).UploadOkAsync();

        Assert.That(file.GetProperty("mime_type").GetString(), Is.EqualTo("video/mp4"));
    }

    // Rule 7: description.

    [Test]
    public async Task Description_of_1000_characters_is_accepted()
    {
        var file = await User.UploadImageAsync(PersonaId, Payloads.Jpeg(), description: new string('d', 1000)).UploadOkAsync();

        Assert.That(file.GetProperty("description").GetString(), Has.Length.EqualTo(1000));
    }

    [Test]
    public async Task Description_of_1001_characters_is_400()
    {
        var response = await RefusedAsync(
            () => User.UploadImageAsync(PersonaId, Payloads.Jpeg(), description: new string('d', 1001)), HttpStatusCode.BadRequest);

        await response.AssertValidationProblemAsync("description");
    }

    [Test]
    public async Task Description_sent_after_the_file_is_kept_and_checked()
    {
        var longForm = Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg"), FormPart.Field("description", new string('d', 1001)));
        var response = await RefusedAsync(() => User.Http.PostAsync(Uploads.ImageUrl(PersonaId), longForm), HttpStatusCode.BadRequest);
        await response.AssertValidationProblemAsync("description");

        var form = Uploads.Form(FormPart.File(Payloads.Jpeg(), "a.jpg"), FormPart.Field("description", "after the file"));
        var file = await User.Http.PostAsync(Uploads.ImageUrl(PersonaId), form).UploadOkAsync();
        Assert.That(file.GetProperty("description").GetString(), Is.EqualTo("after the file"));
    }

    // Rule 8: the original file name is for display only.

    [TestCase("../../etc/passwd.jpg", "passwd.jpg")]
    [TestCase(@"C:\Users\me\My Photo.jpg", "My Photo.jpg")]
    [TestCase("evil\u202Egpj.jpg", "evilgpj.jpg")]
    [TestCase("tab\tand\u0001ctl.jpg", "tabandctl.jpg")]
    [TestCase("résumé.jpg", "résumé.jpg")]
    public async Task Original_file_name_keeps_only_a_clean_base_name(string sent, string kept)
    {
        var file = await User.UploadImageAsync(PersonaId, Payloads.Jpeg(), sent).UploadOkAsync();

        Assert.That(file.GetProperty("original_filename").GetString(), Is.EqualTo(kept));
        var stored = await App.Storage.ListKeysAsync();
        Assert.That(stored, Has.Some.EqualTo($"{User.Id}/{PersonaId}/{file.GetProperty("filename").GetString()}"));
    }

    [Test]
    public async Task A_file_name_longer_than_255_characters_is_cut_keeping_its_extension()
    {
        var file = await User.UploadImageAsync(PersonaId, Payloads.Jpeg(), new string('x', 300) + ".jpg").UploadOkAsync();

        var name = file.GetProperty("original_filename").GetString()!;
        Assert.That(name, Has.Length.EqualTo(255));
        Assert.That(name, Does.EndWith(".jpg"));
    }
}
