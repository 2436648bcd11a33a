using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary><c>Media:QuotaBytesPerUser</c>: what one user may store, counted by the database, race-safe.</summary>
public class QuotaTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private const long Quota = 100_000;
    private const string QuotaType = "tag:personamedia,2026:problems/quota-exceeded";

    protected override IReadOnlyDictionary<string, string?> OwnAppSettings { get; } =
        new Dictionary<string, string?> { ["Media:QuotaBytesPerUser"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Test]
    public async Task An_upload_that_would_pass_the_quota_is_507_with_its_own_type_and_leaves_nothing()
    {
        var user = await App.CreateUserAsync();
        var persona = await user.CreatePersonaAsync();
        await user.UploadImageAsync(persona, Payloads.Jpeg(60_000)).UploadOkAsync();
        var keysBefore = await App.Storage.ListKeysAsync();

        using var response = await user.UploadImageAsync(persona, Payloads.Jpeg(40_001));

        var problem = await response.AssertProblemAsync(HttpStatusCode.InsufficientStorage, "quota");
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(QuotaType));
            Assert.That(problem.GetProperty("quota_bytes").GetInt64(), Is.EqualTo(Quota));
            Assert.That(problem.GetProperty("used_bytes").GetInt64(), Is.EqualTo(60_000));
            Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(keysBefore), "stored objects");
            Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(1), "rows");
        });
    }

    [Test]
    public async Task A_file_that_fills_the_quota_exactly_is_accepted_and_then_nothing_more_is()
    {
        var user = await App.CreateUserAsync();
        var persona = await user.CreatePersonaAsync();
        await user.UploadImageAsync(persona, Payloads.Jpeg(60_000)).UploadOkAsync();
        await user.UploadImageAsync(persona, Payloads.Png(40_000), "b.png").UploadOkAsync();

        using var full = await user.UploadImageAsync(persona, Payloads.Jpeg(1_000));

        var problem = await full.AssertProblemAsync(HttpStatusCode.InsufficientStorage);
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(QuotaType));
        var stats = await (await user.Http.GetAsync("/upload/stats")).JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stats.GetProperty("quota_bytes").GetInt64(), Is.EqualTo(Quota));
            Assert.That(stats.GetProperty("used_bytes").GetInt64(), Is.EqualTo(Quota));
            Assert.That(stats.GetProperty("total_size_bytes").GetInt64(), Is.EqualTo(Quota));
        });
    }

    [Test]
    public async Task The_quota_is_each_users_own()
    {
        var full = await App.CreateUserAsync();
        await full.UploadImageAsync(await full.CreatePersonaAsync(), Payloads.Jpeg(90_000)).UploadOkAsync();
        var other = await App.CreateUserAsync();

        await other.UploadImageAsync(await other.CreatePersonaAsync(), Payloads.Jpeg(90_000)).UploadOkAsync();
    }

    [Test]
    public async Task Deleting_a_file_or_a_persona_gives_its_bytes_back()
    {
        var user = await App.CreateUserAsync();
        var kept = await user.CreatePersonaAsync("kept");
        var dropped = await user.CreatePersonaAsync("dropped");
        var first = await user.UploadImageAsync(kept, Payloads.Jpeg(30_000)).UploadOkAsync();
        await user.UploadImageAsync(kept, Payloads.Jpeg(10_000)).UploadOkAsync();
        await user.UploadImageAsync(dropped, Payloads.Jpeg(25_000)).UploadOkAsync();
        await user.UploadVideoAsync(dropped, Payloads.Mp4(35_000)).UploadOkAsync();
        Assert.That(await UsedBytesAsync(user), Is.EqualTo(100_000));

        (await user.Http.DeleteAsync($"/upload/files/{first.GetProperty("id").GetInt32()}")).EnsureSuccessStatusCode();
        Assert.That(await UsedBytesAsync(user), Is.EqualTo(70_000));

        (await user.Http.DeleteAsync($"/personas/{dropped}")).EnsureSuccessStatusCode();
        Assert.That(await UsedBytesAsync(user), Is.EqualTo(10_000));

        await user.UploadImageAsync(kept, Payloads.Jpeg(90_000)).UploadOkAsync();
        Assert.That(await UsedBytesAsync(user), Is.EqualTo(Quota));
    }

    [Test]
    public async Task A_second_delete_of_one_file_gives_nothing_back_twice()
    {
        var user = await App.CreateUserAsync();
        var persona = await user.CreatePersonaAsync();
        await user.UploadImageAsync(persona, Payloads.Jpeg(20_000)).UploadOkAsync();
        var file = await user.UploadImageAsync(persona, Payloads.Jpeg(30_000)).UploadOkAsync();
        var url = $"/upload/files/{file.GetProperty("id").GetInt32()}";

        var answers = await Task.WhenAll(user.Http.DeleteAsync(url), user.Http.DeleteAsync(url));

        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.NotFound }));
        Assert.That(await UsedBytesAsync(user), Is.EqualTo(20_000));
    }

    [Test]
    public async Task Parallel_uploads_that_together_pass_the_quota_never_store_more_than_it()
    {
        var user = await App.CreateUserAsync();
        var persona = await user.CreatePersonaAsync();
        const int size = 15_000;

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => user.UploadImageAsync(persona, Payloads.Jpeg(size + i))));

        var statuses = answers.Select(a => a.StatusCode).ToList();
        var rows = await App.QueryAsync(db => db.MediaFiles.Where(f => f.UserId == user.Id).Select(f => f.FileSize).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Is.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.InsufficientStorage), string.Join(", ", statuses));
            // Six files of 15,000 to 15,015 bytes fit in 100,000; a seventh never does.
            Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(6));
            Assert.That(rows.Sum(), Is.LessThanOrEqualTo(Quota));
            Assert.That(await UsedBytesAsync(user), Is.EqualTo(rows.Sum()), "used_bytes against the rows' sum");
            Assert.That((await App.Storage.ListKeysAsync()).Count, Is.EqualTo(rows.Count), "stored objects against rows");
        });
    }

    private static async Task<long> UsedBytesAsync(UserClient user) =>
        (await (await user.Http.GetAsync("/upload/stats")).JsonAsync()).GetProperty("used_bytes").GetInt64();
}
