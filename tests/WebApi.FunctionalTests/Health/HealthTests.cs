using System.Net;
using System.Text.Json;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Health;

public class HealthTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [TestCase("/health")]
    [TestCase("/health/live")]
    public async Task Liveness_answers_healthy_without_a_token(string path)
    {
        var response = await App.CreateClient().GetAsync(path);

        var body = await Json.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetRawText(), Is.EqualTo("""{"status":"healthy"}"""));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [Test]
    public async Task Readiness_reports_the_database_and_the_file_store()
    {
        var response = await App.CreateClient().GetAsync("/health/ready");

        var body = await Json.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("checks").GetProperty("database").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("checks").GetProperty("file-store").GetString(), Is.EqualTo("healthy"));
        });
    }
}

/// <summary>Breaks a dependency of an app of its own, so the shared one stays healthy.</summary>
public class ReadinessFailureTests
{
    [Test]
    public async Task Readiness_is_503_naming_the_failed_check_when_the_upload_folder_takes_no_file()
    {
        await using var app = new TestApp();
        var client = app.CreateClient();
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "healthy before the break");
        // A folder that is merely gone is made again by the store; a file in its place cannot be.
        BreakUploadFolder(((LocalTestStorage)app.Storage).Root);

        var response = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(body.RootElement.GetProperty("checks").GetProperty("file-store").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(body.RootElement.GetProperty("checks").GetProperty("database").GetString(), Is.EqualTo("healthy"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "liveness asks no dependency");
        });
    }

    /// <summary>Puts a plain file where the upload folder was, so no upload (and no probe) can be stored.</summary>
    internal static void BreakUploadFolder(string root)
    {
        Directory.Delete(root, recursive: true);
        File.WriteAllText(root, "not a folder");
    }
}
