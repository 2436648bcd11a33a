using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Consistency;

/// <summary>
/// The store reconciler against the running app's own database and store (every backend): what it
/// removes, what it must keep whatever happens, and what it reports. A pass "two days later" is a
/// reconciler built on the app's services with a clock moved forward, so the objects just written
/// are past the grace; nothing in the app itself is faked.
/// </summary>
public class ReconcilerTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private UserClient _user = null!;
    private IFileStore _store = null!;

    [SetUp]
    public async Task SignIn()
    {
        _user = await App.CreateUserAsync();
        _store = App.Services.GetRequiredService<IFileStore>();
    }

    [Test]
    public async Task An_old_object_without_a_row_goes_and_every_object_a_row_owns_stays()
    {
        var personaId = await _user.CreatePersonaAsync();
        var owned = await UploadKeyAsync(personaId);
        // Kept beside the original, with its stem (a thumbnail, say): owned by the same row.
        var derived = owned[..owned.IndexOf('.', StringComparison.Ordinal)] + ".thumb-160.webp";
        await PutAsync(derived);
        var orphan = await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.jpg"));
        var otherPersonaOrphan = await PutAsync(MediaStorageKeys.For(_user.Id, personaId + 1000, $"{Guid.NewGuid():N}.png"));
        // More objects with rows, so two orphans stay under the default share.
        var more = new List<string>();
        for (var i = 0; i < 18; i++)
        {
            more.Add(await UploadKeyAsync(personaId));
        }

        var report = await TwoDaysLater().RunAsync(None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Objects, Is.EqualTo(22));
            Assert.That(report.Orphans, Is.EqualTo(2));
            Assert.That(report.OrphansDeleted, Is.EqualTo(2));
            Assert.That(report.HeldBack, Is.Null);
            Assert.That(report.MissingBytes, Is.Zero);
            Assert.That(await App.Storage.ListKeysAsync(), Is.EquivalentTo(more.Append(owned).Append(derived)));
            Assert.That(await App.Storage.ListKeysAsync(), Does.Not.Contain(orphan).And.Not.Contain(otherPersonaOrphan));
        }
    }

    [Test]
    public async Task An_object_younger_than_the_grace_stays_even_without_a_row()
    {
        var personaId = await _user.CreatePersonaAsync();
        var young = await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.jpg"));

        // Run by the app's own reconciler, on the real clock: the object is seconds old.
        var report = await App.Services.GetRequiredService<StoreReconciler>().RunAsync(None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Orphans, Is.Zero);
            Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(new[] { young }));
        }
    }

    [Test]
    public async Task Objects_older_than_the_database_are_kept_and_reported()
    {
        var personaId = await _user.CreatePersonaAsync();
        var kept = await UploadKeyAsync(personaId);
        var orphan = await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.jpg"));
        for (var i = 0; i < 10; i++)
        {
            await UploadKeyAsync(personaId);
        }

        // The oldest account is younger than every object: what a database recreated over an old store looks like.
        await App.QueryAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, DateTime.UtcNow.AddHours(1))));

        var report = await TwoDaysLater().RunAsync(None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Orphans, Is.EqualTo(1));
            Assert.That(report.OrphansDeleted, Is.Zero);
            Assert.That(report.HeldBack, Does.Contain("before the database's oldest account"));
            Assert.That(await App.Storage.ListKeysAsync(), Does.Contain(orphan).And.Contain(kept));
        }
    }

    [Test]
    public async Task Nothing_is_deleted_when_more_than_the_allowed_share_of_the_store_has_no_row()
    {
        var personaId = await _user.CreatePersonaAsync();
        var withRow = await UploadKeyAsync(personaId);
        var orphans = new[]
        {
            await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.jpg")),
            await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.mp4")),
        };

        var report = await TwoDaysLater().RunAsync(None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Orphans, Is.EqualTo(2));
            Assert.That(report.OrphansDeleted, Is.Zero);
            Assert.That(report.HeldBack, Does.Contain("MaxDeleteShare"));
            Assert.That(await App.Storage.ListKeysAsync(), Is.EquivalentTo(orphans.Append(withRow)));
        }
    }

    [Test]
    public async Task Report_only_deletes_nothing()
    {
        var personaId = await _user.CreatePersonaAsync();
        var orphan = await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.jpg"));

        var report = await TwoDaysLater(o => { o.ReportOnly = true; o.MaxDeleteShare = 1; }).RunAsync(None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Orphans, Is.EqualTo(1));
            Assert.That(report.OrphansDeleted, Is.Zero);
            Assert.That(report.HeldBack, Does.Contain("ReportOnly"));
            Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(new[] { orphan }));
        }
    }

    [Test]
    public async Task A_row_whose_bytes_are_gone_is_reported_and_readiness_says_degraded()
    {
        var personaId = await _user.CreatePersonaAsync();
        var lost = await _user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync();
        var lostId = lost.GetProperty("id").GetInt32();
        var key = MediaStorageKeys.For(_user.Id, personaId, lost.GetProperty("filename").GetString()!);
        await UploadKeyAsync(personaId);
        Assert.That(await _store.DeleteAsync(key, None), Is.True, "the bytes were stored under the key the layout gives");

        var reconciler = App.Services.GetRequiredService<StoreReconciler>();
        var report = await reconciler.RunAsync(None);

        using var client = App.CreateClient();
        using var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.MissingBytes, Is.EqualTo(1));
            Assert.That(report.MissingSample, Is.EqualTo(new[] { lostId }));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "degraded is still ready: the other files are served");
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("degraded"));
            Assert.That(body.GetProperty("checks").GetProperty("store-consistency").GetString(), Is.EqualTo("degraded"));
            Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(2), "a report never deletes a row");
        }

        // Once the operator has dealt with it (here: the row removed), the next pass is clean.
        using (var deleted = await _user.Http.DeleteAsync($"/upload/files/{lostId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await reconciler.RunAsync(None);
        using var again = await client.GetAsync("/health/ready");
        Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("healthy"));
    }

    [Test]
    public async Task Two_replicas_reconciling_at_once_only_repeat_each_other()
    {
        var personaId = await _user.CreatePersonaAsync();
        var kept = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            kept.Add(await UploadKeyAsync(personaId));
        }

        var orphans = new[]
        {
            await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.jpg")),
            await PutAsync(MediaStorageKeys.For(_user.Id, personaId, $"{Guid.NewGuid():N}.png")),
        };

        var reports = await Task.WhenAll(TwoDaysLater().RunAsync(None), TwoDaysLater().RunAsync(None));

        using (Assert.EnterMultipleScope())
        {
            // Each saw any share of the orphans (the other may have removed some before this one
            // listed them), and together they removed every one, maybe some twice.
            Assert.That(reports.Select(r => r.Orphans), Is.All.InRange(0, orphans.Length));
            Assert.That(reports.Sum(r => r.OrphansDeleted), Is.GreaterThanOrEqualTo(orphans.Length));
            Assert.That(reports.Select(r => r.HeldBack), Is.All.Null);
            Assert.That(reports.Select(r => r.MissingBytes), Is.All.Zero, "no row lost its bytes to the other replica");
            Assert.That(await App.Storage.ListKeysAsync(), Is.EquivalentTo(kept));
        }
    }

    [Test]
    public async Task Leftovers_of_unfinished_uploads_go_once_past_the_grace()
    {
        var personaId = await _user.CreatePersonaAsync();
        var kept = await UploadKeyAsync(personaId);
        var local = App.Storage as LocalTestStorage;
        string? abandoned = null;
        string? emptyFolder = null;
        if (local is not null)
        {
            abandoned = Path.Combine(local.Root, MediaStorageKeys.PersonaPrefix(_user.Id, personaId), ".0123abcd.partial");
            await File.WriteAllBytesAsync(abandoned, [1, 2, 3]);
            emptyFolder = Directory.CreateDirectory(Path.Combine(local.Root, MediaStorageKeys.PersonaPrefix(_user.Id, 99999))).FullName;
        }

        var report = await TwoDaysLater().RunAsync(None);

        Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(new[] { kept }));
        if (local is not null)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(report.LeftoversRemoved, Is.EqualTo(2));
                Assert.That(File.Exists(abandoned), Is.False, "temporary file");
                Assert.That(Directory.Exists(emptyFolder), Is.False, "empty persona folder");
            }
        }
        else
        {
            Assert.That(report.LeftoversRemoved, Is.Zero, "Azure keeps no leftovers: it discards uncommitted blocks itself");
        }
    }

    /// <summary>A reconciler over the app's database and store whose clock runs two days ahead.</summary>
    private StoreReconciler TwoDaysLater(Action<ReconcilerOptions>? configure = null)
    {
        var options = new ReconcilerOptions();
        configure?.Invoke(options);
        return ActivatorUtilities.CreateInstance<StoreReconciler>(
            App.Services, Options.Create(options), new ShiftedClock(TimeSpan.FromDays(2)));
    }

    private async Task<string> UploadKeyAsync(int personaId)
    {
        var file = await _user.UploadImageAsync(personaId, Payloads.Jpeg()).UploadOkAsync();
        return MediaStorageKeys.For(_user.Id, personaId, file.GetProperty("filename").GetString()!);
    }

    /// <summary>An object written straight into the store, as a crash between its commit and its row would leave it.</summary>
    private async Task<string> PutAsync(string key)
    {
        var bytes = RandomNumberGenerator.GetBytes(64);
        await using var upload = await _store.BeginUploadAsync(key, None);
        await upload.WriteAsync(bytes, None);
        await upload.CommitAsync("image/jpeg", Convert.ToHexStringLower(SHA256.HashData(bytes)), None);
        return key;
    }
}
