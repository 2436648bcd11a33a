using System.Collections.Concurrent;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// Issue 11 in a real browser: headless Chromium opens a front-end page served from another
/// origin than the API (another loopback port) that puts signed URLs in <c>&lt;img&gt;</c> and
/// <c>&lt;video&gt;</c>, with no Authorization header anywhere. The image decodes, the video
/// (a real H.264 MP4 made by ffmpeg) seeks to its middle over Range requests answered 206 and
/// plays, bad URLs do not load, and the JSON API answers the configured origin's fetch only.
/// </summary>
[NonParallelizable]
[Category("Browser")]
public class SignedMediaInBrowserTests
{
    private const int ImageWidth = 320;
    private const int ImageHeight = 240;
    private const int VideoSeconds = 40;

    private readonly ConcurrentQueue<Seen> _seen = new();
    private readonly ConcurrentQueue<string> _requested = new();
    private string? _unavailable;
    private string _mediaFolder = null!;
    private FrontEndServer _frontEnd = null!;
    private TestApp _app = null!;
    private Uri _api = null!;
    private UserClient _user = null!;
    private int _personaId;
    private int _imageId;
    private int _videoId;
    private int _videoLength;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    /// <summary>One response the page received: its URL, status, and the Range it asked for.</summary>
    private sealed record Seen(string Url, int Status, string? Range, string? ContentRange);

    [OneTimeSetUp]
    public async Task StartEverything()
    {
        _mediaFolder = Directory.CreateTempSubdirectory("personamedia-browser-").FullName;
        try
        {
            var image = await BrowserTools.FfmpegAsync(
                Path.Combine(_mediaFolder, "photo.jpg"),
                "-f", "lavfi", "-i", $"testsrc=size={ImageWidth}x{ImageHeight}", "-frames:v", "1", "-q:v", "3");
            // Noise keeps the encoder from squeezing the clip to nothing: about 7.5 MB, so that the
            // middle lies beyond the 2 MB that Chromium keeps reading ahead of its position rather
            // than asking for a new range. faststart puts the index first, as a front-end's video
            // should have it.
            var video = await BrowserTools.FfmpegAsync(
                Path.Combine(_mediaFolder, "clip.mp4"),
                "-f", "lavfi", "-i", $"testsrc2=size=640x360:rate=25:duration={VideoSeconds}", "-vf", "noise=alls=30:allf=t",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "1500k", "-maxrate", "1500k", "-bufsize", "750k",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart");
            _videoLength = video.Length;

            _frontEnd = await FrontEndServer.StartAsync();
            _app = new TestApp(new Dictionary<string, string?>
            {
                ["Cors:AllowedOrigins:0"] = Origin(_frontEnd.AllowedOrigin),
            });
            _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _app.StartServer();
            // As localhost, the API is of the same site as the front-end (see FrontEndServer), and the
            // signed URLs it builds from the Host header are too.
            var port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
            _api = new Uri($"http://localhost:{port}/");
            var user = await _app.CreateUserAsync();
            var http = new HttpClient { BaseAddress = _api };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
            _user = user with { Http = http };
            _personaId = await _user.CreatePersonaAsync();
            _imageId = (await _user.UploadImageAsync(_personaId, image, "photo.jpg").UploadOkAsync()).GetProperty("id").GetInt32();
            _videoId = (await _user.UploadVideoAsync(_personaId, video, "clip.mp4").UploadOkAsync()).GetProperty("id").GetInt32();

            (_playwright, _browser) = await BrowserTools.LaunchChromiumAsync();
        }
        catch (BrowserUnavailableException e)
        {
            _unavailable = e.Message;
        }
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _user?.Http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_frontEnd is not null)
        {
            await _frontEnd.DisposeAsync();
        }

        Directory.Delete(_mediaFolder, recursive: true);
    }

    [SetUp]
    public async Task OpenPage()
    {
        if (_unavailable is not null)
        {
            BrowserTools.Unavailable(_unavailable);
        }

        _seen.Clear();
        _requested.Clear();
        _context = await _browser!.NewContextAsync();
        _page = await _context.NewPageAsync();
        _page.Request += (_, request) => _requested.Enqueue(request.Url);
        _page.Response += (_, response) => _seen.Enqueue(new Seen(
            response.Url,
            response.Status,
            response.Request.Headers.GetValueOrDefault("range"),
            response.Headers.GetValueOrDefault("content-range")));
    }

    [TearDown]
    public async Task ClosePage()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private async Task<string> SignedUrlAsync(int fileId)
    {
        using var response = await _user.Http.GetAsync($"/upload/files/{fileId}/url");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("url").GetString()!;
    }

    /// <summary>A URL the service's own key signed, with an expiry no endpoint hands out.</summary>
    private string SignedUrl(int fileId, DateTimeOffset expiresAt) =>
        new Uri(_api, "/media/" + _app.Services.GetRequiredService<IMediaUrlSigner>()
            .Sign(new MediaUrlGrant(fileId, MediaVariant.Original, MediaDisposition.Inline, expiresAt))).ToString();

    /// <summary>Opens, on <paramref name="origin"/>, a page whose body is <paramref name="body"/>.</summary>
    private async Task OpenAsync(Uri origin, string body)
    {
        var path = _frontEnd.AddPage($"<!doctype html><html><head><meta charset=utf-8><title>front-end</title></head><body>{body}</body></html>");
        var response = await _page.GotoAsync(new Uri(origin, path).ToString());
        Assert.That(response?.Status, Is.EqualTo(200));
    }

    private static string Img(string src) => $"<img id=media alt=photo src=\"{HtmlEncoder.Default.Encode(src)}\">";

    private static string Video(string src) =>
        $"<video id=media muted playsinline preload=metadata src=\"{HtmlEncoder.Default.Encode(src)}\"></video>";

    /// <summary>The image's natural size once the browser is done with it (0×0 when it did not load).</summary>
    private async Task<(int Width, int Height)> ImageOutcomeAsync()
    {
        await _page.WaitForFunctionAsync("() => document.getElementById('media').complete");
        var size = await _page.EvaluateAsync<int[]>("() => { const img = document.getElementById('media'); return [img.naturalWidth, img.naturalHeight]; }");
        return (size[0], size[1]);
    }

    [Test]
    public async Task An_image_with_a_signed_src_decodes_on_a_page_of_another_origin()
    {
        var url = await SignedUrlAsync(_imageId);
        Assert.That(Origin(new Uri(url)), Is.Not.EqualTo(Origin(_frontEnd.AllowedOrigin)), "the page and the API must be different origins");

        await OpenAsync(_frontEnd.AllowedOrigin, Img(url));

        Assert.That(await ImageOutcomeAsync(), Is.EqualTo((ImageWidth, ImageHeight)));
        Assert.That(_seen.Where(seen => seen.Url == url).Select(seen => seen.Status).ToArray(), Is.EqualTo(new[] { 200 }));
    }

    [Test]
    public async Task A_video_with_a_signed_src_seeks_to_the_middle_over_range_requests_and_plays()
    {
        var url = await SignedUrlAsync(_videoId);
        // On an idle loopback the first `bytes=0-` answer can deliver the whole clip before the
        // seek, so the browser needs no second range and the test would prove nothing. At the
        // speed of a fast home line (DevTools' own throttling, on the browser's network stack)
        // the middle has not arrived when the page seeks, so it must come from a Range request.
        var devTools = await _context.NewCDPSessionAsync(_page);
        await devTools.SendAsync("Network.enable");
        await devTools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 0,
            ["downloadThroughput"] = 1_000_000,
            ["uploadThroughput"] = 1_000_000,
        });
        await OpenAsync(_frontEnd.AllowedOrigin, Video(url));

        var outcome = JsonDocument.Parse(await _page.EvaluateAsync<string>("""
            async () => {
              const video = document.getElementById('media');
              const next = (name) => new Promise((resolve, reject) => {
                video.addEventListener(name, resolve, { once: true });
                video.addEventListener('error', () => reject(new Error('media error ' + video.error?.code)), { once: true });
              });
              if (video.error) throw new Error('media error ' + video.error.code);
              if (video.readyState < HTMLMediaElement.HAVE_METADATA) await next('loadedmetadata');
              const middle = video.duration / 2;
              const seeked = next('seeked');
              video.currentTime = middle;
              await seeked;
              const afterSeek = { currentTime: video.currentTime, readyState: video.readyState };
              const playing = next('playing');
              await video.play();
              await playing;
              const deadline = performance.now() + 10000;
              while (video.currentTime < middle + 0.3 && performance.now() < deadline) {
                await new Promise(resolve => setTimeout(resolve, 50));
              }
              return JSON.stringify({ duration: video.duration, middle, afterSeek, currentTime: video.currentTime,
                readyState: video.readyState, paused: video.paused, width: video.videoWidth });
            }
            """)).RootElement;

        var middle = outcome.GetProperty("middle").GetDouble();
        var ranges = _seen.Where(seen => seen.Url == url).ToList();
        var described = string.Join("; ", ranges.Select(seen => $"{seen.Status} {seen.Range} -> {seen.ContentRange}"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.GetProperty("duration").GetDouble(), Is.EqualTo(VideoSeconds).Within(0.5));
            Assert.That(outcome.GetProperty("width").GetInt32(), Is.EqualTo(640), "the frames were decoded");
            Assert.That(outcome.GetProperty("afterSeek").GetProperty("currentTime").GetDouble(), Is.EqualTo(middle).Within(0.1));
            Assert.That(outcome.GetProperty("afterSeek").GetProperty("readyState").GetInt32(), Is.GreaterThanOrEqualTo(2), "HAVE_CURRENT_DATA at the middle");
            Assert.That(outcome.GetProperty("paused").GetBoolean(), Is.False);
            Assert.That(outcome.GetProperty("currentTime").GetDouble(), Is.GreaterThan(middle + 0.3), "playback advanced from the middle");
            Assert.That(ranges, Is.Not.Empty.And.All.Matches<Seen>(seen => seen is { Status: 206, Range: not null }), described);
            Assert.That(ranges.Select(seen => RangeStart(seen.ContentRange)), Has.Some.GreaterThan(_videoLength / 3),
                $"a Range request into the middle of the {_videoLength}-byte file: {described}");
        });
    }

    /// <summary>The first byte a <c>Content-Range: bytes a-b/size</c> answer holds.</summary>
    private static long RangeStart(string? contentRange) =>
        contentRange is not null && contentRange.StartsWith("bytes ", StringComparison.Ordinal)
            ? long.Parse(contentRange["bytes ".Length..contentRange.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)
            : -1;

    [TestCase("expired")]
    [TestCase("tampered")]
    [TestCase("deleted")]
    public async Task An_image_whose_url_is_bad_does_not_load(string kind)
    {
        var url = kind switch
        {
            "expired" => SignedUrl(_imageId, DateTimeOffset.UtcNow.AddSeconds(-1)),
            "tampered" => Tampered(await SignedUrlAsync(_imageId)),
            _ => await DeletedFileUrlAsync(),
        };

        await OpenAsync(_frontEnd.AllowedOrigin, Img(url));

        Assert.That(await ImageOutcomeAsync(), Is.EqualTo((0, 0)));
        Assert.That(_requested, Does.Contain(url), "the browser asked for it");
        // Chromium's opaque response blocking hides a 404 problem+json from the page altogether.
        Assert.That(_seen.Where(seen => seen.Url == url).Select(seen => seen.Status), Has.All.EqualTo(404));
    }

    [TestCase("expired")]
    [TestCase("deleted")]
    public async Task A_video_whose_url_is_bad_reports_an_error(string kind)
    {
        var url = kind == "expired" ? SignedUrl(_videoId, DateTimeOffset.UtcNow.AddSeconds(-1)) : await DeletedFileUrlAsync(video: true);

        await OpenAsync(_frontEnd.AllowedOrigin, Video(url));

        await _page.WaitForFunctionAsync("() => document.getElementById('media').error !== null");
        Assert.That(await _page.EvaluateAsync<int>("() => document.getElementById('media').error.code"),
            Is.EqualTo(4), "MEDIA_ERR_SRC_NOT_SUPPORTED");
        Assert.That(_seen.Where(seen => seen.Url == url).Select(seen => seen.Status), Has.All.EqualTo(404).And.Not.Empty);
    }

    /// <summary>A live URL of a file uploaded for the test and deleted since.</summary>
    private async Task<string> DeletedFileUrlAsync(bool video = false)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_mediaFolder, video ? "clip.mp4" : "photo.jpg"));
        var upload = video ? _user.UploadVideoAsync(_personaId, bytes, "gone.mp4") : _user.UploadImageAsync(_personaId, bytes, "gone.jpg");
        var fileId = (await upload.UploadOkAsync()).GetProperty("id").GetInt32();
        var url = await SignedUrlAsync(fileId);
        using var deleted = await _user.Http.DeleteAsync($"/upload/files/{fileId}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return url;
    }

    /// <summary>The URL with one character of its token changed to another URL-safe one.</summary>
    private static string Tampered(string url)
    {
        var at = url.Length - 10;
        return url[..at] + (url[at] == 'A' ? 'B' : 'A') + url[(at + 1)..];
    }

    [Test]
    public async Task A_page_on_another_site_cannot_embed_the_image_under_the_default_same_site_policy()
    {
        var url = await SignedUrlAsync(_imageId);
        await OpenAsync(_frontEnd.OtherSite, Img(url));

        Assert.That(await ImageOutcomeAsync(), Is.EqualTo((0, 0)), "Cross-Origin-Resource-Policy: same-site blocks it");
    }

    /// <summary>
    /// The page's own fetch of the persona's images with the bearer token, as a front-end lists
    /// them: the status, the total it can read, and the first file's signed URL; or the error's name.
    /// </summary>
    private Task<string> FetchImagesAsync() => _page.EvaluateAsync<string>("""
        async ([url, token]) => {
          try {
            const response = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });
            const files = await response.json();
            return response.status + ' ' + response.headers.get('X-Total-Count') + ' ' + files[0].download_url;
          } catch (e) {
            return e.name;
          }
        }
        """, new[] { new Uri(_api, $"/upload/persona/{_personaId}/files?media_type=image&include=urls").ToString(), _user.Token });

    [Test]
    public async Task The_configured_origin_may_fetch_the_json_api_and_show_its_urls_and_another_origin_may_not()
    {
        await OpenAsync(_frontEnd.AllowedOrigin, "<p>allowed</p>");
        var allowed = (await FetchImagesAsync()).Split(' ');
        Assert.That(allowed, Has.Length.EqualTo(3), string.Join(' ', allowed));
        await _page.EvaluateAsync("src => { const img = document.createElement('img'); img.id = 'media'; img.src = src; document.body.append(img); }", allowed[2]);
        var shown = await ImageOutcomeAsync();

        await OpenAsync(_frontEnd.OtherOrigin, "<p>other</p>");
        var other = await FetchImagesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(allowed[..2], Is.EqualTo(new[] { "200", "1" }), "the page read the status and the exposed X-Total-Count");
            Assert.That(shown, Is.EqualTo((ImageWidth, ImageHeight)), "the list's download_url decodes in an <img>");
            Assert.That(other, Is.EqualTo("TypeError"), "CORS refused the unlisted origin");
        });
    }
}
