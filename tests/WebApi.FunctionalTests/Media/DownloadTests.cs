using System.Net;
using System.Net.Http.Headers;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

public class DownloadTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;
    private byte[] _bytes = null!;
    private string _url = null!;
    private string _sha256 = null!;

    [SetUp]
    public async Task UploadOne()
    {
        _user = await App.CreateUserAsync();
        var personaId = await _user.CreatePersonaAsync();
        _bytes = Payloads.Jpeg(100_000);
        var file = await _user.UploadImageAsync(personaId, _bytes, "résumé photo.jpg").UploadOkAsync();
        _url = $"/upload/files/{file.GetProperty("id").GetInt32()}/download";
        _sha256 = file.GetProperty("sha256").GetString()!;
    }

    [Test]
    public async Task Download_answers_the_stored_bytes_with_delivery_headers()
    {
        using var response = await _user.Http.GetAsync(_url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes));
        var content = response.Content.Headers;
        Assert.Multiple(() =>
        {
            Assert.That(content.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
            Assert.That(content.ContentLength, Is.EqualTo(100_000));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{_sha256}\""));
            Assert.That(response.Headers.ETag?.IsWeak, Is.False);
            Assert.That(content.LastModified, Is.Not.Null);
            Assert.That(response.Headers.AcceptRanges, Is.EquivalentTo(new[] { "bytes" }));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(content.GetValues("Content-Disposition").Single(),
                Is.EqualTo("attachment; filename=\"r_sum_ photo.jpg\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20photo.jpg"));
        });
    }

    [Test]
    public async Task Range_request_gets_206_with_the_slice()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Range = new RangeHeaderValue(10, 19);

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes[10..20]));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes 10-19/100000"));
    }

    [Test]
    public async Task Suffix_range_gets_the_last_bytes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Range = new RangeHeaderValue(null, 500);

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes[^500..]));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes 99500-99999/100000"));
    }

    [Test]
    public async Task Unsatisfiable_range_gets_416_with_the_size()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Range = new RangeHeaderValue(200_000, null);

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes */100000"));
    }

    [Test]
    public async Task If_none_match_with_the_current_etag_gets_304()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{_sha256}\""));

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task If_none_match_with_another_etag_gets_the_bytes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Download_may_be_kept_by_the_browser_only()
    {
        using var response = await _user.Http.GetAsync(_url);

        Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("private"));
    }

    [Test]
    public async Task Head_answers_the_headers_of_the_download_without_its_bytes()
    {
        using var response = await _user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _url));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(body, Is.Empty);
            Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(100_000));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{_sha256}\""));
            Assert.That(response.Headers.AcceptRanges, Is.EquivalentTo(new[] { "bytes" }));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        });
    }

    [Test]
    public async Task Head_of_a_range_answers_206_without_the_bytes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, _url);
        request.Headers.Range = new RangeHeaderValue(0, 99);

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes 0-99/100000"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task Head_of_someone_elses_file_is_404()
    {
        var other = await App.CreateUserAsync();

        using var response = await other.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    // RFC 9110 §14.2: a server may ignore a Range it does not understand or does not serve, and
    // answer the whole representation with 200.
    [TestCase("items=0-9")]
    [TestCase("bytes=0-9,20-29")]
    [TestCase("bytes=0-9, -10")]
    [TestCase("bytes=abc")]
    [TestCase("bytes=9-0")]
    public async Task A_range_of_an_unknown_unit_or_several_ranges_gets_the_whole_file(string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes));
        Assert.That(response.Content.Headers.ContentRange, Is.Null);
    }

    [Test]
    public async Task If_range_with_the_current_etag_gets_the_range()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Range = new RangeHeaderValue(10, 19);
        request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{_sha256}\""));

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes[10..20]));
    }

    [Test]
    public async Task If_range_with_another_etag_gets_the_whole_file()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Range = new RangeHeaderValue(10, 19);
        request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"0000\""));

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes));
    }

    [Test]
    public async Task If_range_with_a_date_before_the_last_change_gets_the_whole_file()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Range = new RangeHeaderValue(10, 19);
        request.Headers.IfRange = new RangeConditionHeaderValue(DateTimeOffset.UtcNow.AddDays(-1));

        using var response = await _user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes));
    }
}
