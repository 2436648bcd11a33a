using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// Thumbnails made after the upload has answered, by the bounded background worker: readiness in the
/// file's JSON, files left pending found again at start, faults that leave nothing lost, images that
/// do not decode or take too long ending without thumbnails and without stopping the worker.
/// </summary>
public class ThumbnailWorkerTests(TestEnvironment environment) : UploadTestBase(environment)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A 1200x800 JPEG made here with libvips.</summary>
    private static byte[] LargeJpeg()
    {
        using var gradient = NetVips.Image.Xyz(1200, 800);
        using var band = gradient[0];
        using var bytes = (band * 0.2).Cast(NetVips.Enums.BandFormat.Uchar);
        return bytes.JpegsaveBuffer(q: 80);
    }

    private WebApplicationFactory<Program> WithWorker(Action<IServiceCollection>? services = null, int sweepSeconds = 60, double timeoutSeconds = 30) =>
        App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Media:BackgroundThumbnails", "true");
            builder.UseSetting("Media:ThumbnailSweepSeconds", sweepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Media:ThumbnailTimeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Media:MaxPixels", "1000000000");
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        });

    private UserClient ClientOf(WebApplicationFactory<Program> app)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = User.Http.DefaultRequestHeaders.Authorization;
        return User with { Http = http };
    }

    [Test]
    public async Task An_upload_answers_before_its_thumbnails_exist_and_the_file_says_when_they_are_ready()
    {
        await using var app = WithWorker();
        var user = ClientOf(app);

        var file = await user.UploadImageAsync(PersonaId, LargeJpeg(), "large.jpg").UploadOkAsync();

        Assert.That(file.GetProperty("thumbnails").GetProperty("160").GetProperty("ready").GetBoolean(), Is.False, "the answer does not wait");
        var ready = await WaitForStateAsync(user, file, ready: true);
        foreach (var (size, width, height) in new[] { ("160", 160, 107), ("640", 640, 427) })
        {
            var listed = ready.GetProperty("thumbnails").GetProperty(size);
            Assert.That((listed.GetProperty("width").GetInt32(), listed.GetProperty("height").GetInt32()), Is.EqualTo((width, height)));
            var stored = await App.Storage.ReadAsync(ThumbnailKey(file, size));
            using (var image = NetVips.Image.NewFromBuffer(stored, failOn: NetVips.Enums.FailOn.Error))
            {
                Assert.That((image.Width, image.Height, (string)image.Get("vips-loader")), Is.EqualTo((width, height, "webpload_buffer")));
            }

            using var served = await user.Http.GetAsync($"/upload/files/{Id(file)}/thumbnail?size={size}");
            Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(stored), "the request serves what the worker stored");
        }

        using var listedPage = await user.Http.GetAsync($"/upload/persona/{PersonaId}/files?media_type=image");
        var inList = (await listedPage.JsonAsync()).EnumerateArray().Single(f => Id(f) == Id(file));
        Assert.That(inList.GetProperty("thumbnails").GetProperty("640").GetProperty("ready").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Files_left_waiting_by_a_process_without_the_worker_are_found_when_it_starts()
    {
        // The shared app runs without the worker: like a process stopped before its queue was worked off.
        var first = await User.UploadImageAsync(PersonaId, LargeJpeg(), "one.jpg").UploadOkAsync();
        var second = await User.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoPng), "two.png").UploadOkAsync();
        Assert.That(await App.Storage.ListKeysAsync(), Has.None.Contains(".thumb-"));

        await using var restarted = WithWorker();
        var user = ClientOf(restarted);

        foreach (var file in new[] { first, second })
        {
            await WaitForStateAsync(user, file, ready: true);
            Assert.That(await App.Storage.ListKeysAsync(), Does.Contain(ThumbnailKey(file, "160")).And.Contain(ThumbnailKey(file, "640")));
        }
    }

    /// <summary>
    /// libvips, like a browser, shows what decodes of a damaged image (grey beyond a cut or noise), so a
    /// file whose header reads but whose pixels yield nothing is rare; a maker that decodes no PNG stands in.
    /// </summary>
    [Test]
    public async Task An_image_that_yields_no_thumbnail_ends_without_thumbnails_and_the_worker_goes_on()
    {
        await using var app = WithWorker(services =>
        {
            var maker = services.Last(d => d.ServiceType == typeof(IThumbnailMaker));
            services.Remove(maker);
            services.AddSingleton(maker.ImplementationType!);
            services.AddSingleton<IThumbnailMaker>(sp => new NoPngMaker((IThumbnailMaker)sp.GetRequiredService(maker.ImplementationType!)));
        });
        var user = ClientOf(app);

        var broken = await user.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoPng), "broken.png").UploadOkAsync();
        var good = await user.UploadImageAsync(PersonaId, LargeJpeg(), "good.jpg").UploadOkAsync();

        Assert.That(broken.GetProperty("thumbnails").EnumerateObject().Count(), Is.EqualTo(2), "its header read: thumbnails are expected");
        var failed = await WaitForStateAsync(user, broken, ready: false);
        Assert.That(failed.GetProperty("thumbnails").EnumerateObject(), Is.Empty);
        await ProblemAssert.IsProblemAsync(await user.Http.GetAsync($"/upload/files/{Id(broken)}/thumbnail?size=160"), HttpStatusCode.NotFound);
        Assert.That(await App.Storage.ListKeysAsync(), Has.None.Contains(Stem(broken) + ".thumb-"));
        await WaitForStateAsync(user, good, ready: true);
    }

    [Test]
    public async Task A_store_fault_loses_nothing_the_file_waits_and_a_later_sweep_makes_its_thumbnails()
    {
        var failing = true;
        await using var app = WithWorker(
            services =>
            {
                var store = services.Last(d => d.ServiceType == typeof(IFileStore));
                var inner = store.ImplementationFactory ?? throw new InvalidOperationException("The file store is not registered by factory.");
                services.Remove(store);
                services.AddSingleton<IFileStore>(sp => new ThumbnailsRefusingStore((IFileStore)inner(sp), () => Volatile.Read(ref failing)));
            },
            sweepSeconds: 1);
        var user = ClientOf(app);

        var file = await user.UploadImageAsync(PersonaId, LargeJpeg(), "large.jpg").UploadOkAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the job and a few sweeps meet the fault
        using (var waiting = await user.Http.GetAsync($"/upload/files/{Id(file)}"))
        {
            var json = await waiting.JsonAsync();
            Assert.That(json.GetProperty("thumbnails").GetProperty("160").GetProperty("ready").GetBoolean(), Is.False, "still waiting, not failed");
        }

        Volatile.Write(ref failing, false);

        await WaitForStateAsync(user, file, ready: true);
    }

    [Test]
    public async Task A_job_past_its_time_limit_is_stopped_and_the_file_ends_without_thumbnails()
    {
        // 20000 x 20000 pixels of one grey: a 0.4 MB PNG whose decode takes about a second here, 20 times the limit.
        using var plane = NetVips.Image.Black(20000, 20000) + 128;
        var slow = plane.Cast(NetVips.Enums.BandFormat.Uchar).PngsaveBuffer(compression: 9);
        await using var app = WithWorker(timeoutSeconds: 0.05);
        var user = ClientOf(app);

        var file = await user.UploadImageAsync(PersonaId, slow, "slow.png").UploadOkAsync();
        var failed = await WaitForStateAsync(user, file, ready: false);

        Assert.That(failed.GetProperty("thumbnails").EnumerateObject(), Is.Empty);
        await ProblemAssert.IsProblemAsync(await user.Http.GetAsync($"/upload/files/{Id(file)}/thumbnail?size=160"), HttpStatusCode.NotFound);
        Assert.That(await App.Storage.ListKeysAsync(), Has.None.Contains(Stem(file) + ".thumb-"));

        // The worker goes on: a small image fits in the same limit.
        var next = await user.UploadImageAsync(PersonaId, MediaFixtures.Read(MediaFixtures.PhotoPng), "next.png").UploadOkAsync();
        await WaitForStateAsync(user, next, ready: true);
    }

    /// <summary>Polls the file until its thumbnails are ready (true) or gone for good (false: failed).</summary>
    private static async Task<JsonElement> WaitForStateAsync(UserClient user, JsonElement file, bool ready)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await user.Http.GetAsync($"/upload/files/{Id(file)}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var json = await response.JsonAsync();
            var thumbnails = json.GetProperty("thumbnails").EnumerateObject().ToList();
            var settled = ready
                ? thumbnails.Count > 0 && thumbnails.All(t => t.Value.GetProperty("ready").GetBoolean())
                : thumbnails.Count == 0;
            if (settled)
            {
                return json;
            }

            if (deadline.Elapsed > Patience)
            {
                Assert.Fail($"file {Id(file)} did not become {(ready ? "ready" : "failed")} within {Patience}: {json}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The real maker, except that a PNG yields nothing (as an image that does not decode).</summary>
    private sealed class NoPngMaker(IThumbnailMaker inner) : IThumbnailMaker
    {
        public async Task<byte[]?> MakeAsync(Stream original, int width, int height, Application.Media.ThumbnailFormat format, CancellationToken cancellationToken)
        {
            var first = new byte[1];
            await original.ReadExactlyAsync(first, cancellationToken);
            original.Position = 0;
            return first[0] == 0x89 ? null : await inner.MakeAsync(original, width, height, format, cancellationToken);
        }
    }

    /// <summary>The real store, except that writing a thumbnail fails while <c>failing</c> says so.</summary>
    private sealed class ThumbnailsRefusingStore(IFileStore inner, Func<bool> failing) : IFileStore
    {
        public Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken) =>
            key.Contains(".thumb-", StringComparison.Ordinal) && failing()
                ? throw new IOException("The store is not answering.")
                : inner.BeginUploadAsync(key, cancellationToken);

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken) => inner.DeletePrefixAsync(prefix, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.RemoveLeftoversAsync(cutoff, cancellationToken);
    }

    private static int Id(JsonElement file) => file.GetProperty("id").GetInt32();

    private static string Stem(JsonElement file) => file.GetProperty("filename").GetString()![..32];

    private string ThumbnailKey(JsonElement file, string size) => $"{User.Id}/{PersonaId}/{Stem(file)}.thumb-{size}.webp";
}
