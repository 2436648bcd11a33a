using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

public class UpdateMediaDescriptionTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;
    private string _url = null!;
    private DateTime _createdAt;

    [SetUp]
    public async Task UploadOne()
    {
        _user = await App.CreateUserAsync();
        var file = await _user.UploadImageAsync(await _user.CreatePersonaAsync(), Payloads.Jpeg(), description: "before").UploadOkAsync();
        _url = $"/upload/files/{file.GetProperty("id").GetInt32()}";
        _createdAt = file.GetProperty("created_at").GetDateTime();
    }

    private static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData((Func<string, HttpContent>)(d => new FormUrlEncodedContent([new("description", d)]))).SetArgDisplayNames("urlencoded");
        yield return new TestCaseData((Func<string, HttpContent>)(d => new MultipartFormDataContent { { new StringContent(d), "description" } })).SetArgDisplayNames("multipart");
        yield return new TestCaseData((Func<string, HttpContent>)(d => JsonContent.Create(new { description = d }))).SetArgDisplayNames("json");
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task Description_is_replaced_and_updated_at_advances(Func<string, HttpContent> body)
    {
        using var response = await _user.Http.PutAsync(_url, body("after"));

        var file = await Uploads.UploadOkAsync(Task.FromResult(response));
        Assert.That(file.GetProperty("description").GetString(), Is.EqualTo("after"));
        Assert.That(file.GetProperty("updated_at").GetDateTime(), Is.GreaterThan(_createdAt));
        Assert.That(file.GetProperty("created_at").GetDateTime(), Is.EqualTo(_createdAt));
        Assert.That(await App.QueryAsync(db => db.MediaFiles.Select(f => f.Description).SingleAsync()), Is.EqualTo("after"));
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task Description_of_1001_characters_is_400_and_changes_nothing(Func<string, HttpContent> body)
    {
        using var response = await _user.Http.PutAsync(_url, body(new string('d', 1001)));

        await response.AssertValidationProblemAsync("description");
        Assert.That(await App.QueryAsync(db => db.MediaFiles.Select(f => f.Description).SingleAsync()), Is.EqualTo("before"));
    }

    [Test]
    public async Task Malformed_json_is_400()
    {
        using var response = await _user.Http.PutAsync(_url, new StringContent("{\"description\":", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_body_without_a_content_type_is_415_and_changes_nothing()
    {
        using var content = new ByteArrayContent("description=after"u8.ToArray());

        using var response = await _user.Http.PutAsync(_url, content);

        Assert.That(content.Headers.ContentType, Is.Null);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(await App.QueryAsync(db => db.MediaFiles.Select(f => f.Description).SingleAsync()), Is.EqualTo("before"));
    }

    [Test]
    public async Task A_body_of_another_content_type_is_415()
    {
        using var response = await _user.Http.PutAsync(_url, new StringContent("after", System.Text.Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
