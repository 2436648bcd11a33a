using System.Net;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>The signed media settings a deployment changes: CORP for front-ends on another site, the public address behind a proxy.</summary>
public class SignedUrlSettingsTests
{
    [Test]
    public async Task Cross_origin_resource_policy_and_public_base_url_come_from_the_settings()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Media:CrossOriginResourcePolicy"] = "cross-origin",
            ["Media:PublicBaseUrl"] = "https://media.example.com/api",
        });
        var user = await app.CreateUserAsync();
        var personaId = await user.CreatePersonaAsync();
        var file = await user.UploadImageAsync(personaId, Payloads.Png(5000), "pic.png").UploadOkAsync();
        using var urlResponse = await user.Http.GetAsync($"/upload/files/{file.GetProperty("id").GetInt32()}/url");
        var url = (await urlResponse.JsonAsync()).GetProperty("url").GetString()!;

        using var anonymous = app.CreateClient();
        using var response = await anonymous.GetAsync(new Uri(url).PathAndQuery.Replace("/api/", "/", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(url, Does.StartWith("https://media.example.com/api/media/"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(SignedUrlTests.Header(response, "Cross-Origin-Resource-Policy"), Is.EqualTo("cross-origin"));
        });
    }
}
