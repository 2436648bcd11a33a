using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// Optimistic concurrency on personas and files: their JSON carries a strong ETag, a PUT with a
/// stale If-Match is 412 and changes nothing, without If-Match the last write wins as before.
/// The race of two PUTs from one version is in <see cref="RaceTests"/>.
/// </summary>
public class EntityTagTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;

    [SetUp]
    public async Task SignIn() => _user = await App.CreateUserAsync();

    [TearDown]
    public void Dispose() => _user.Http.Dispose();

    [Test]
    public async Task A_persona_has_a_strong_etag_that_each_change_replaces()
    {
        var id = await _user.CreatePersonaAsync();

        var read = await ETagOfAsync(await _user.Http.GetAsync($"/personas/{id}"));
        using var put = await PutPersonaAsync(id, "Renamed", ifMatch: null);
        var written = await ETagOfAsync(put);
        var reread = await ETagOfAsync(await _user.Http.GetAsync($"/personas/{id}"));

        Assert.Multiple(() =>
        {
            Assert.That(read, Does.Match("^\"[0-9a-f]+\"$"), "strong and quoted");
            Assert.That(written, Is.Not.EqualTo(read));
            Assert.That(reread, Is.EqualTo(written), "the PUT's answer names the version it wrote");
        });
    }

    [Test]
    public async Task A_persona_put_with_the_current_etag_is_200_and_with_a_stale_one_412_changing_nothing()
    {
        var id = await _user.CreatePersonaAsync("Original");
        var first = await ETagOfAsync(await _user.Http.GetAsync($"/personas/{id}"));

        using (var current = await PutPersonaAsync(id, "Second", first))
        {
            Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var stale = await PutPersonaAsync(id, "Third", first);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "changed since the version in If-Match");
        Assert.That(await App.QueryAsync(db => db.Personas.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()), Is.EqualTo("Second"));
    }

    [TestCase("*", HttpStatusCode.OK)]
    [TestCase("\"0\", *", HttpStatusCode.OK)]
    [TestCase("\"0\"", HttpStatusCode.PreconditionFailed)]
    [TestCase("W/\"{current}\"", HttpStatusCode.PreconditionFailed)]
    [TestCase("\"0\", \"{current}\"", HttpStatusCode.OK)]
    public async Task If_match_is_compared_strongly_against_the_current_version(string header, HttpStatusCode expected)
    {
        var id = await _user.CreatePersonaAsync();
        var current = (await ETagOfAsync(await _user.Http.GetAsync($"/personas/{id}"))).Trim('"');

        using var response = await PutPersonaAsync(id, "Changed", header.Replace("{current}", current, StringComparison.Ordinal));

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [TestCase("abc")]
    [TestCase("\"unterminated")]
    [TestCase(",")]
    public async Task A_malformed_if_match_is_400_and_changes_nothing(string header)
    {
        var id = await _user.CreatePersonaAsync("Original");

        using var response = await PutPersonaAsync(id, "Changed", header);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "If-Match must be");
        Assert.That(await App.QueryAsync(db => db.Personas.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()), Is.EqualTo("Original"));
    }

    [Test]
    public async Task Without_if_match_the_last_write_wins()
    {
        var id = await _user.CreatePersonaAsync();
        using (await PutPersonaAsync(id, "One", ifMatch: null))
        {
        }

        using var second = await PutPersonaAsync(id, "Two", ifMatch: null);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await App.QueryAsync(db => db.Personas.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()), Is.EqualTo("Two"));
    }

    [Test]
    public async Task If_match_on_a_persona_that_is_gone_is_404()
    {
        var id = await _user.CreatePersonaAsync();
        var etag = await ETagOfAsync(await _user.Http.GetAsync($"/personas/{id}"));
        using (await _user.Http.DeleteAsync($"/personas/{id}"))
        {
        }

        using var response = await PutPersonaAsync(id, "Late", etag);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "Persona not found");
    }

    [TestCase("json")]
    [TestCase("form")]
    public async Task A_file_description_put_honours_if_match_in_both_of_its_bodies(string body)
    {
        var personaId = await _user.CreatePersonaAsync();
        var fileId = (await _user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync()).GetProperty("id").GetInt32();
        var first = await ETagOfAsync(await _user.Http.GetAsync($"/upload/files/{fileId}"));

        using (var current = await PutDescriptionAsync(fileId, "second", first, body))
        {
            Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(current.Headers.ETag?.ToString(), Is.Not.EqualTo(first), await current.Content.ReadAsStringAsync());
        }

        using var stale = await PutDescriptionAsync(fileId, "third", first, body);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "The file was changed");
        Assert.That(
            await App.QueryAsync(db => db.MediaFiles.Where(f => f.Id == fileId).Select(f => f.Description).SingleAsync()),
            Is.EqualTo("second"));
    }

    [Test]
    public async Task The_download_keeps_its_own_etag_of_the_bytes()
    {
        var personaId = await _user.CreatePersonaAsync();
        var fileId = (await _user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync()).GetProperty("id").GetInt32();

        var info = await ETagOfAsync(await _user.Http.GetAsync($"/upload/files/{fileId}"));
        using (await PutDescriptionAsync(fileId, "changed", ifMatch: null, "json"))
        {
        }

        using var first = await _user.Http.GetAsync($"/upload/files/{fileId}/download");
        var download = first.Headers.ETag?.Tag;
        Assert.Multiple(() =>
        {
            Assert.That(download, Is.Not.Null);
            Assert.That(download, Is.Not.EqualTo(info), "the bytes' tag, not the JSON's");
        });
    }

    private static async Task<string> ETagOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            return response.Headers.ETag?.ToString() ?? throw new AssertionException("no ETag on the answer");
        }
    }

    private Task<HttpResponseMessage> PutPersonaAsync(int id, string name, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/personas/{id}")
        {
            Content = JsonContent.Create(new { name, relation_type = "friend" }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _user.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PutDescriptionAsync(int fileId, string description, string? ifMatch, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/upload/files/{fileId}")
        {
            Content = body == "json"
                ? JsonContent.Create(new { description })
                : new FormUrlEncodedContent([new KeyValuePair<string, string>("description", description)]),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _user.Http.SendAsync(request);
    }
}
