using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// Issue 11: <c>GET /upload/files/{id}/url</c> hands the owner a short-lived signed URL, and
/// <c>GET/HEAD /media/{token}</c> serves it to anyone without Authorization, with full HTTP semantics.
/// </summary>
public class SignedUrlTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;
    private HttpClient _anonymous = null!;
    private byte[] _bytes = null!;
    private int _fileId;
    private string _sha256 = null!;
    private string _storedName = null!;

    [SetUp]
    public async Task UploadOne()
    {
        _user = await App.CreateUserAsync();
        _anonymous = App.CreateClient();
        var personaId = await _user.CreatePersonaAsync();
        _bytes = Payloads.Jpeg(100_000);
        var file = await _user.UploadImageAsync(personaId, _bytes, "résumé photo.jpg").UploadOkAsync();
        _fileId = file.GetProperty("id").GetInt32();
        _sha256 = file.GetProperty("sha256").GetString()!;
        _storedName = file.GetProperty("filename").GetString()!;
    }

    [TearDown]
    public void DisposeAnonymous() => _anonymous.Dispose();

    private async Task<(string Url, DateTimeOffset ExpiresAt)> SignedUrlAsync(string query = "")
    {
        using var response = await _user.Http.GetAsync($"/upload/files/{_fileId}/url{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("url").GetString()!, Json.UtcTime(json, "expires_at"));
    }

    /// <summary>A token the service's own key signed, for grants no endpoint hands out (expired, another variant).</summary>
    private string Signed(MediaUrlGrant grant) =>
        "/media/" + App.Services.GetRequiredService<IMediaUrlSigner>().Sign(grant);

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    [Test]
    public async Task The_url_is_absolute_opaque_and_lives_the_default_300_seconds()
    {
        using var response = await _user.Http.GetAsync($"/upload/files/{_fileId}/url");
        var json = await response.JsonAsync();
        var url = json.GetProperty("url").GetString()!;
        var expiresAt = Json.UtcTime(json, "expires_at");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Json.Names(json), Is.EquivalentTo(new[] { "url", "expires_at" }));
            Assert.That(url, Does.StartWith("http://localhost/media/"));
            Assert.That(url, Does.Not.Contain(_storedName).And.Not.Contain(Path.GetFileNameWithoutExtension(_storedName)));
            Assert.That(url, Does.Not.Contain($"/{_user.Id}/"));
            Assert.That(expiresAt - DateTimeOffset.UtcNow, Is.InRange(TimeSpan.FromSeconds(290), TimeSpan.FromSeconds(301)));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "the URL is a credential");
        });
    }

    [Test]
    public async Task The_url_serves_the_bytes_inline_without_authorization_with_the_delivery_headers()
    {
        var (url, _) = await SignedUrlAsync();

        using var response = await _anonymous.GetAsync(PathOf(url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes));
        var content = response.Content.Headers;
        Assert.Multiple(() =>
        {
            Assert.That(content.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
            Assert.That(content.ContentLength, Is.EqualTo(_bytes.Length));
            Assert.That(content.GetValues("Content-Disposition").Single(),
                Is.EqualTo("inline; filename=\"r_sum_ photo.jpg\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20photo.jpg"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{_sha256}\""));
            Assert.That(content.LastModified, Is.Not.Null);
            Assert.That(response.Headers.AcceptRanges, Is.EquivalentTo(new[] { "bytes" }));
            Assert.That(response.Headers.CacheControl?.Private, Is.True);
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.InRange(TimeSpan.FromSeconds(290), TimeSpan.FromSeconds(300)));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.False);
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo("default-src 'none'; sandbox"));
            Assert.That(Header(response, "Cross-Origin-Resource-Policy"), Is.EqualTo("same-site"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
        });
    }

    [Test]
    public async Task The_max_age_is_the_time_left_until_the_url_expires()
    {
        var (url, _) = await SignedUrlAsync("?expires_in=60");

        using var response = await _anonymous.GetAsync(PathOf(url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.MaxAge, Is.InRange(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task An_attachment_url_is_saved_under_the_original_name()
    {
        var (url, _) = await SignedUrlAsync("?disposition=attachment");

        using var response = await _anonymous.GetAsync(PathOf(url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.GetValues("Content-Disposition").Single(),
            Is.EqualTo("attachment; filename=\"r_sum_ photo.jpg\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20photo.jpg"));
    }

    [Test]
    public async Task A_video_url_is_served_inline_as_mp4()
    {
        var personaId = await _user.CreatePersonaAsync("Video");
        var mp4 = Payloads.Mp4(50_000);
        var file = await _user.UploadVideoAsync(personaId, mp4).UploadOkAsync();
        using var urlResponse = await _user.Http.GetAsync($"/upload/files/{file.GetProperty("id").GetInt32()}/url");
        var url = (await urlResponse.JsonAsync()).GetProperty("url").GetString()!;

        using var response = await _anonymous.GetAsync(PathOf(url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(mp4));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp4"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("inline"));
    }

    [Test]
    public async Task A_range_gets_206_and_an_unsatisfiable_one_416()
    {
        var (url, _) = await SignedUrlAsync();
        using var ranged = new HttpRequestMessage(HttpMethod.Get, PathOf(url));
        ranged.Headers.Range = new RangeHeaderValue(50_000, 50_999);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, PathOf(url));
        beyond.Headers.Range = new RangeHeaderValue(200_000, null);

        using var partial = await _anonymous.SendAsync(ranged);
        using var unsatisfiable = await _anonymous.SendAsync(beyond);

        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await partial.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes[50_000..51_000]));
        Assert.That(partial.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes 50000-50999/100000"));
        Assert.That(unsatisfiable.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.That(unsatisfiable.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes */100000"));
    }

    [Test]
    public async Task If_none_match_with_the_etag_gets_304_and_if_range_with_another_gets_the_whole_file()
    {
        var (url, _) = await SignedUrlAsync();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, PathOf(url));
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{_sha256}\""));
        using var stale = new HttpRequestMessage(HttpMethod.Get, PathOf(url));
        stale.Headers.Range = new RangeHeaderValue(0, 9);
        stale.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"another\""));

        using var notModified = await _anonymous.SendAsync(conditional);
        using var whole = await _anonymous.SendAsync(stale);

        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(notModified.Headers.CacheControl?.Private, Is.True);
        Assert.That(whole.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await whole.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes));
    }

    [TestCase("items=0-9")]
    [TestCase("bytes=0-9, 20-29")]
    public async Task A_range_of_another_unit_or_several_ranges_gets_the_whole_file(string range)
    {
        var (url, _) = await SignedUrlAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, PathOf(url));
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_bytes));
    }

    [Test]
    public async Task Head_answers_the_headers_without_the_bytes()
    {
        var (url, _) = await SignedUrlAsync();

        using var response = await _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, PathOf(url)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(_bytes.Length));
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{_sha256}\""));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task Tampered_expired_and_other_variant_tokens_get_the_same_404()
    {
        var (url, expiresAt) = await SignedUrlAsync();
        var path = PathOf(url);
        var last = path[^1];
        var tampered = path[..^1] + (last == 'A' ? 'B' : 'A');
        // Only the unused bits of the last character changed, for some token whatever it was: was a 500.
        var unusedBits = path[..^1] + (char)(last + 1);
        var expired = Signed(new MediaUrlGrant(_fileId, MediaVariant.Original, MediaDisposition.Inline, DateTimeOffset.UtcNow.AddSeconds(-1)));
        var otherVariant = Signed(new MediaUrlGrant(_fileId, (MediaVariant)7, MediaDisposition.Inline, expiresAt));
        var otherFile = Signed(new MediaUrlGrant(_fileId + 1000, MediaVariant.Original, MediaDisposition.Inline, expiresAt));

        var details = new List<string>();
        foreach (var bad in new[] { tampered, unusedBits, expired, otherVariant, otherFile, "/media/not-a-token", path + "A" })
        {
            using var response = await _anonymous.GetAsync(bad);
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
            details.Add(ProblemAssert.Detail(problem));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, bad);
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"), bad);
        }

        Assert.That(details.Distinct(), Has.Exactly(1).Items, "no hint which check failed");
    }

    [Test]
    public async Task A_deleted_file_stops_loading_at_once_though_its_url_lives()
    {
        var (url, _) = await SignedUrlAsync();
        using (var before = await _anonymous.GetAsync(PathOf(url)))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        (await _user.Http.DeleteAsync($"/upload/files/{_fileId}")).EnsureSuccessStatusCode();
        using var after = await _anonymous.GetAsync(PathOf(url));

        await after.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Another_users_file_and_a_missing_one_get_404_and_no_url()
    {
        var other = await App.CreateUserAsync();

        using var foreign = await other.Http.GetAsync($"/upload/files/{_fileId}/url");
        using var missing = await _user.Http.GetAsync($"/upload/files/{_fileId + 1000}/url");
        using var anonymous = await _anonymous.GetAsync($"/upload/files/{_fileId}/url");

        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "File not found");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "File not found");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("?disposition=download", "disposition")]
    [TestCase("?expires_in=0", "expires_in")]
    [TestCase("?expires_in=3601", "expires_in")]
    [TestCase("?expires_in=soon", "expires_in")]
    public async Task A_bad_disposition_or_lifetime_is_400_naming_the_parameter(string query, string field)
    {
        using var response = await _user.Http.GetAsync($"/upload/files/{_fileId}/url{query}");

        await response.AssertValidationProblemAsync(field);
    }

    [Test]
    public async Task The_longest_lifetime_is_accepted()
    {
        var (_, expiresAt) = await SignedUrlAsync("?expires_in=3600&disposition=inline");

        Assert.That(expiresAt - DateTimeOffset.UtcNow, Is.InRange(TimeSpan.FromSeconds(3590), TimeSpan.FromSeconds(3601)));
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}

/// <summary><c>?include=urls</c> on list and info: each file gains <c>download_url</c>, signed in memory.</summary>
public class IncludeUrlsTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;
    private int _personaId;

    [SetUp]
    public async Task SignIn()
    {
        _user = await App.CreateUserAsync();
        _personaId = await _user.CreatePersonaAsync();
    }

    [Test]
    public async Task A_listed_file_with_include_urls_carries_a_download_url_that_loads_inline()
    {
        var bytes = Payloads.Png(3000);
        await _user.UploadImageAsync(_personaId, bytes, "a.png").UploadOkAsync();
        await _user.UploadImageAsync(_personaId, Payloads.Jpeg(3000), "b.jpg").UploadOkAsync();

        using var response = await _user.Http.GetAsync($"/upload/persona/{_personaId}/files?include=urls&limit=1&offset=1");
        var files = (await response.JsonAsync()).EnumerateArray().ToList();
        var url = files.Single().GetProperty("download_url").GetString()!;
        using var anonymous = App.CreateClient();
        using var media = await anonymous.GetAsync(new Uri(url).PathAndQuery);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(url, Does.StartWith("http://localhost/media/"));
            Assert.That(response.Headers.GetValues("Link").Single(), Does.Contain("include=urls"), "the next pages keep include");
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(media.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(media.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("inline"));
            Assert.That(media.Headers.CacheControl?.MaxAge, Is.InRange(TimeSpan.FromSeconds(290), TimeSpan.FromSeconds(300)));
        });
        Assert.That(await media.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Info_with_include_urls_carries_a_download_url_and_without_it_none()
    {
        var file = await _user.UploadImageAsync(_personaId, Payloads.Jpeg(3000)).UploadOkAsync();
        var id = file.GetProperty("id").GetInt32();

        using var plain = await _user.Http.GetAsync($"/upload/files/{id}");
        using var withUrls = await _user.Http.GetAsync($"/upload/files/{id}?include=urls");
        using var list = await _user.Http.GetAsync($"/upload/persona/{_personaId}/files");

        Assert.Multiple(async () =>
        {
            Assert.That(Json.Names(await plain.JsonAsync()), Does.Not.Contain("download_url"));
            Assert.That(Json.Names(file), Does.Not.Contain("download_url"));
            Assert.That(Json.Names((await list.JsonAsync())[0]), Does.Not.Contain("download_url"));
            Assert.That((await withUrls.JsonAsync()).GetProperty("download_url").GetString(), Does.StartWith("http://localhost/media/"));
            Assert.That(withUrls.Headers.ETag, Is.EqualTo(plain.Headers.ETag), "the same version of the file");
        });
    }

    [TestCase("/upload/files/{0}?include=thumbnails")]
    [TestCase("/upload/persona/{1}/files?include=url")]
    public async Task Another_include_is_400_naming_it(string path)
    {
        var file = await _user.UploadImageAsync(_personaId, Payloads.Jpeg(3000)).UploadOkAsync();

        using var response = await _user.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, file.GetProperty("id").GetInt32(), _personaId));

        await response.AssertValidationProblemAsync("include", "urls");
    }
}

/// <summary>The URLs of a page cost no query: a page of six files reads the database as often as a page of one.</summary>
public class IncludeUrlsQueryCountTests
{
    [Test]
    public async Task A_page_with_urls_sends_as_many_commands_for_six_files_as_for_one()
    {
        var counter = new CommandCounter();
        await using var app = new TestApp();
        await using var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PersonaMedia.Infrastructure.Persistence.SqliteAppDbContext>(o => o.AddInterceptors(counter))));
        var user = await app.CreateUserAsync();
        var one = await user.CreatePersonaAsync("one");
        var six = await user.CreatePersonaAsync("six");
        await user.UploadImageAsync(one, Payloads.Jpeg(2000)).UploadOkAsync();
        for (var i = 0; i < 6; i++)
        {
            await user.UploadImageAsync(six, Payloads.Jpeg(2000 + i)).UploadOkAsync();
        }

        using var client = counted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        var forOne = await CommandsOf(client, $"/upload/persona/{one}/files?include=urls", counter, expectedFiles: 1);
        var forSix = await CommandsOf(client, $"/upload/persona/{six}/files?include=urls", counter, expectedFiles: 6);

        Assert.That(forSix, Is.EqualTo(forOne).And.GreaterThan(0));
    }

    private static async Task<int> CommandsOf(HttpClient client, string path, CommandCounter counter, int expectedFiles)
    {
        var before = counter.Count;
        using var response = await client.GetAsync(path);
        var files = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.That(files, Has.Count.EqualTo(expectedFiles));
        Assert.That(files.Select(f => f.GetProperty("download_url").GetString()), Is.All.StartWith("http://localhost/media/"));
        return counter.Count - before;
    }

    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
