using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Health;

/// <summary>
/// Readiness tried as an operator breaks things: each break an app of its own, so the shared apps stay
/// healthy. Ready must say 503 whenever writes would fail, and name the check that failed.
/// </summary>
[NonParallelizable]
public class ReadinessProbeTests
{
    [Test]
    public async Task Healthy_readiness_lists_every_check_and_leaves_no_probe_object_behind()
    {
        await using var app = new TestApp();

        var (status, checks) = await ReadyAsync(app);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(checks, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["database"] = "healthy", ["file-store"] = "healthy", ["disk-space"] = "healthy", ["lifecycle"] = "healthy",
                ["store-consistency"] = "healthy",
            }));
            Assert.That(Directory.EnumerateFileSystemEntries(((LocalTestStorage)app.Storage).Root), Is.Empty, "the probe object is deleted");
        }
    }

    [Test]
    public async Task An_empty_database_left_unmigrated_is_not_ready()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });

        var (status, checks) = await ReadyAsync(app);
        var live = await app.CreateClient().GetAsync("/health/live");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(checks["database"], Is.EqualTo("unhealthy"));
            Assert.That(checks["file-store"], Is.EqualTo("healthy"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "liveness asks no dependency");
        }
    }

    [Test]
    public async Task A_read_only_database_file_is_not_ready()
    {
        await using var app = new TestApp();
        Assert.That((await ReadyAsync(app)).Status, Is.EqualTo(HttpStatusCode.OK), "ready before the break");
        var file = Path.Combine(app.Root, "personamedia.db");

        // Tests run as root, whom file modes do not stop; the immutable attribute stops everyone.
        await SetImmutableAsync(file, true);
        try
        {
            // Pooled connections were opened read-write; new ones find the file read-only.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            var (status, checks) = await ReadyAsync(app);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(checks["database"], Is.EqualTo("unhealthy"));
                Assert.That(checks["file-store"], Is.EqualTo("healthy"));
            }
        }
        finally
        {
            await SetImmutableAsync(file, false);
        }
    }

    [Test]
    public async Task Free_space_under_the_floor_is_not_ready()
    {
        // A floor above any disk's free space stands in for a full disk under the upload and database folders.
        await using var app = new TestApp(new Dictionary<string, string?> { ["Health:MinimumFreeMegabytes"] = "1000000000000" });

        var (status, checks) = await ReadyAsync(app);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(checks["disk-space"], Is.EqualTo("unhealthy"));
            Assert.That(checks["database"], Is.EqualTo("healthy"));
            Assert.That(checks["file-store"], Is.EqualTo("healthy"));
        }
    }

    [Test]
    public async Task Answers_are_reused_for_the_cache_time_so_probes_do_not_each_write()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Health:CacheSeconds"] = "300" });
        Assert.That((await ReadyAsync(app)).Status, Is.EqualTo(HttpStatusCode.OK));
        ReadinessFailureTests.BreakUploadFolder(((LocalTestStorage)app.Storage).Root);

        var (status, checks) = await ReadyAsync(app);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "the store's answer of a moment ago stands");
        Assert.That(checks["file-store"], Is.EqualTo("healthy"));
    }

    [Test]
    public async Task From_the_first_moment_of_shutdown_ready_is_503_and_new_uploads_are_refused_with_retry_after()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Shutdown:DrainDelaySeconds"] = "5",
            ["Shutdown:TimeoutSeconds"] = "10",
        });
        var user = await app.CreateUserAsync();
        var persona = await user.CreatePersonaAsync();

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var (status, checks) = await ReadyAsync(app);
        var upload = await user.UploadImageAsync(persona, Payloads.Jpeg());
        var live = await app.CreateClient().GetAsync("/health/live");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(checks["lifecycle"], Is.EqualTo("unhealthy"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process is alive while it drains");
        }

        await upload.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "shutting down");
        Assert.That(upload.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(await app.QueryAsync(db => Task.FromResult(db.MediaFiles.Count())), Is.Zero);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(TestApp app)
    {
        var response = await app.CreateClient().GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return (response.StatusCode, checks);
    }

    private static async Task SetImmutableAsync(string file, bool immutable)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [immutable ? "+i" : "-i", file]) { RedirectStandardError = true })!;
        var error = await chattr.StandardError.ReadToEndAsync();
        await chattr.WaitForExitAsync();
        if (chattr.ExitCode != 0 && immutable)
        {
            Assert.Ignore($"chattr +i is not permitted here ({error.Trim()}), so no file can be made read-only for root.");
        }
    }
}
