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
}
