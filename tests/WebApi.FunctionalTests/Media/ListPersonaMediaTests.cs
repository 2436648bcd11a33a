using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

public class ListPersonaMediaTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;
    private int _personaId;
    private List<int> _imageIds = null!;
    private List<int> _videoIds = null!;

    [SetUp]
    public async Task UploadFiveFiles()
    {
        _user = await App.CreateUserAsync();
        _personaId = await _user.CreatePersonaAsync();
        _imageIds = [];
        _videoIds = [];
        for (var i = 0; i < 3; i++)
        {
            _imageIds.Add((await _user.UploadImageAsync(_personaId, Payloads.Jpeg()).UploadOkAsync()).GetProperty("id").GetInt32());
        }

        for (var i = 0; i < 2; i++)
        {
            _videoIds.Add((await _user.UploadVideoAsync(_personaId, Payloads.Mp4()).UploadOkAsync()).GetProperty("id").GetInt32());
        }
    }

    private string Url(string query = "") => $"/upload/persona/{_personaId}/files{query}";

    private static async Task<List<int>> IdsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var array = JsonDocument.Parse(body).RootElement;
        Assert.That(array.ValueKind, Is.EqualTo(JsonValueKind.Array));
        return array.EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).ToList();
    }

    [Test]
    public async Task Lists_newest_first_with_the_total()
    {
        using var response = await _user.Http.GetAsync(Url());

        var ids = await IdsAsync(response);
        Assert.That(ids, Is.EqualTo(_imageIds.Concat(_videoIds).Reverse().ToList()));
        Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("5"));
        Assert.That(response.Headers.Contains("Link"), Is.False, "one page holds everything");
    }

    [Test]
    public async Task Ties_on_creation_time_put_the_higher_id_first()
    {
        var sameTime = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        await App.QueryAsync(db => db.MediaFiles.ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, sameTime)));

        var ids = await IdsAsync(await _user.Http.GetAsync(Url()));

        Assert.That(ids, Is.EqualTo(ids.OrderDescending().ToList()));
    }

    [Test]
    public async Task Filter_by_media_type()
    {
        using var response = await _user.Http.GetAsync(Url("?media_type=video"));

        Assert.That(await IdsAsync(response), Is.EqualTo(_videoIds.AsEnumerable().Reverse().ToList()));
        Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("2"));
    }

    [Test]
    public async Task Paging_links_keep_the_filter()
    {
        using var response = await _user.Http.GetAsync(Url("?media_type=image&limit=1&offset=1"));

        Assert.That(await IdsAsync(response), Is.EqualTo(new[] { _imageIds[1] }));
        Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("3"));
        var link = string.Join(", ", response.Headers.GetValues("Link"));
        Assert.That(link, Does.Contain($"<{Url("?media_type=image&limit=1&offset=2")}>; rel=\"next\""));
        Assert.That(link, Does.Contain($"<{Url("?media_type=image&limit=1&offset=0")}>; rel=\"prev\""));
    }

    [Test]
    public async Task Last_page_has_only_a_prev_link()
    {
        using var response = await _user.Http.GetAsync(Url("?limit=2&offset=4"));

        Assert.That(await IdsAsync(response), Has.Count.EqualTo(1));
        var link = string.Join(", ", response.Headers.GetValues("Link"));
        Assert.That(link, Does.Contain("rel=\"prev\"").And.Not.Contain("rel=\"next\""));
    }

    [Test]
    public async Task Offset_past_the_end_is_an_empty_page()
    {
        using var response = await _user.Http.GetAsync(Url("?offset=50"));

        Assert.That(await IdsAsync(response), Is.Empty);
        Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("5"));
    }

    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=101", "limit")]
    [TestCase("?limit=abc", "limit")]
    [TestCase("?offset=-1", "offset")]
    [TestCase("?media_type=audio", "media_type")]
    public async Task Bad_paging_or_filter_is_400_naming_the_parameter(string query, string field)
    {
        using var response = await _user.Http.GetAsync(Url(query));

        await response.AssertValidationProblemAsync(field);
    }

    [Test]
    public async Task Listing_another_users_persona_is_404()
    {
        var other = await App.CreateUserAsync();

        using var response = await other.Http.GetAsync(Url());

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
