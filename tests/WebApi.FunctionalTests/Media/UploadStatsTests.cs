using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

public class UploadStatsTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [Test]
    public async Task Stats_count_only_the_callers_files_per_persona_and_type()
    {
        var user = await App.CreateUserAsync();
        var first = await user.CreatePersonaAsync("first");
        var second = await user.CreatePersonaAsync("second");
        await user.CreatePersonaAsync("empty");
        await user.UploadImageAsync(first, Payloads.Jpeg(1000)).UploadOkAsync();
        await user.UploadImageAsync(first, Payloads.Png(2000), "b.png").UploadOkAsync();
        await user.UploadVideoAsync(first, Payloads.Mp4(3000)).UploadOkAsync();
        await user.UploadVideoAsync(second, Payloads.Mp4(5 * Payloads.MiB)).UploadOkAsync();
        var stranger = await App.CreateUserAsync();
        await stranger.UploadImageAsync(await stranger.CreatePersonaAsync(), Payloads.Jpeg(7777)).UploadOkAsync();

        var stats = await (await user.Http.GetAsync("/upload/stats")).JsonAsync();

        var total = 1000 + 2000 + 3000 + 5 * Payloads.MiB;
        Assert.Multiple(() =>
        {
            Assert.That(stats.GetProperty("total_files").GetInt32(), Is.EqualTo(4));
            Assert.That(stats.GetProperty("total_size_bytes").GetInt64(), Is.EqualTo(total));
            Assert.That(stats.GetProperty("total_size_mb").GetDouble(), Is.EqualTo(Math.Round(total / 1048576.0, 2)));
            Assert.That(stats.GetProperty("image_count").GetInt32(), Is.EqualTo(2));
            Assert.That(stats.GetProperty("video_count").GetInt32(), Is.EqualTo(2));
            Assert.That(stats.GetProperty("file_size_limit_mb").GetInt32(), Is.EqualTo(10));
            Assert.That(stats.GetProperty("quota_bytes").GetInt64(), Is.EqualTo(1L << 30), "the default quota, 1 GiB");
            Assert.That(stats.GetProperty("used_bytes").GetInt64(), Is.EqualTo(total));
        });
        var personas = stats.GetProperty("persona_stats");
        Assert.That(personas.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { $"{first}", $"{second}" }));
        var firstStats = personas.GetProperty($"{first}");
        Assert.That(firstStats.GetProperty("images").GetInt32(), Is.EqualTo(2));
        Assert.That(firstStats.GetProperty("videos").GetInt32(), Is.EqualTo(1));
        Assert.That(firstStats.GetProperty("total_size").GetInt64(), Is.EqualTo(6000));
        Assert.That(personas.GetProperty($"{second}").GetProperty("total_size").GetInt64(), Is.EqualTo(5 * Payloads.MiB));
    }

    [Test]
    public async Task Stats_of_a_user_without_files_are_zero()
    {
        var user = await App.CreateUserAsync();

        var stats = await (await user.Http.GetAsync("/upload/stats")).JsonAsync();

        Assert.That(stats.GetProperty("total_files").GetInt32(), Is.Zero);
        Assert.That(stats.GetProperty("total_size_mb").GetDouble(), Is.Zero);
        Assert.That(stats.GetProperty("used_bytes").GetInt64(), Is.Zero);
        Assert.That(stats.GetProperty("persona_stats").EnumerateObject(), Is.Empty);
    }
}
