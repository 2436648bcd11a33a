using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// SIGTERM sent to the published app while an upload streams, as <c>docker stop</c> does: readiness
/// drops at once, new uploads are refused with 503, the upload in flight finishes within the shutdown
/// timeout (or is aborted after it and leaves nothing behind), and the process exits 0.
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private string _root = null!;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("personamedia-shutdown-").FullName;

    [TearDown]
    public void DeleteRoot()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task An_upload_in_flight_at_sigterm_finishes_while_new_ones_get_503_and_the_process_exits_0()
    {
        await using var app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>
        {
            ["Shutdown__DrainDelaySeconds"] = "3",
            ["Shutdown__TimeoutSeconds"] = "30",
            ["Health__CacheSeconds"] = "0",
        }, StartTimeout);
        var (client, persona) = await SignedInWithPersonaAsync(app);
        var jpeg = Payloads.Jpeg(1024 * 1024);
        var body = await PausedUploadAsync(jpeg);
        var inFlight = client.PostAsync(Uploads.ImageUrl(persona), body);
        await WaitForPartialFileAsync();

        await app.TerminateAsync();
        using var other = app.CreateClient();
        other.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var ready = await PollUntilAsync(() => other.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var refused = await other.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(Payloads.Jpeg(), "late.jpg", "image/jpeg")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), app.Output);
            Assert.That((await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("lifecycle").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(inFlight.IsCompleted, Is.False, "the first upload still waits for its second half");
        }

        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "shutting down");
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));

        // Past the drain delay the listener is closed; the upload in flight still has the rest of the timeout.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.That(async () => await app.CreateClient().GetAsync("/health/live"), Throws.InstanceOf<HttpRequestException>(), "no new connection is taken");
        body.Release();
        var stored = await inFlight.UploadOkAsync();
        var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(exit, Is.Zero, app.Output);
        var path = Path.Combine(_root, "uploads", $"{stored.GetProperty("user_id").GetInt32()}", $"{persona}", stored.GetProperty("filename").GetString()!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(jpeg));
            Assert.That(PartialFiles(), Is.Empty);
            Assert.That(await RowCountAsync(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task An_upload_that_outlasts_the_shutdown_timeout_is_aborted_and_leaves_no_row_and_no_bytes()
    {
        await using var app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>
        {
            ["Shutdown__TimeoutSeconds"] = "2",
        }, StartTimeout);
        var (client, persona) = await SignedInWithPersonaAsync(app);
        var body = await PausedUploadAsync(Payloads.Jpeg(1024 * 1024));
        var inFlight = client.PostAsync(Uploads.ImageUrl(persona), body);
        await WaitForPartialFileAsync();

        await app.TerminateAsync();
        var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(exit, Is.Zero, app.Output);
        // The client's body writer still waits for its second half; released, it finds the connection gone.
        body.Release();
        var answer = await inFlight.ContinueWith(t => t.IsCompletedSuccessfully ? (int)t.Result.StatusCode : 0).WaitAsync(TimeSpan.FromSeconds(30));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer, Is.Not.EqualTo(200), "the upload did not complete");
            Assert.That(PartialFiles(), Is.Empty, app.Output);
            Assert.That(Directory.EnumerateFiles(Path.Combine(_root, "uploads"), "*", SearchOption.AllDirectories), Is.Empty);
            Assert.That(await RowCountAsync(), Is.Zero);
        }
    }

    private static async Task<(HttpClient Client, int Persona)> SignedInWithPersonaAsync(RunningApp app)
    {
        var client = app.CreateClient();
        var register = await client.PostAsJsonAsync("/auth/register", new
        {
            email = "ops@example.com", username = "ops", password = TestApp.Password, full_name = "Operator",
        });
        register.EnsureSuccessStatusCode();
        var token = (await register.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var persona = await client.PostAsJsonAsync("/personas/", new { name = "Grace" });
        persona.EnsureSuccessStatusCode();
        return (client, (await persona.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    /// <summary>A multipart upload of the bytes that stops halfway through the file until released.</summary>
    private static async Task<PausedContent> PausedUploadAsync(byte[] jpeg)
    {
        using var form = Uploads.Form(FormPart.File(jpeg, "photo.jpg", "image/jpeg"));
        var bytes = await form.ReadAsByteArrayAsync();
        return new PausedContent(bytes, bytes.Length / 2, form.Headers.ContentType!.ToString());
    }

    /// <summary>The upload has reached the store: its temporary file exists.</summary>
    private async Task WaitForPartialFileAsync()
    {
        for (var i = 0; i < 200 && PartialFiles().Count == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.That(PartialFiles(), Is.Not.Empty, "the upload reached the store");
    }

    private List<string> PartialFiles()
    {
        var uploads = Path.Combine(_root, "uploads");
        return Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads, "*.partial", SearchOption.AllDirectories).ToList() : [];
    }

    private async Task<long> RowCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_root, "personamedia.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM media_files";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HttpResponseMessage> PollUntilAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done)
    {
        var response = await send();
        for (var i = 0; i < 40 && !done(response); i++)
        {
            await Task.Delay(50);
            response = await send();
        }

        return response;
    }
}
