using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// What only a real server shows. The in-memory test server buffers the whole request body before
/// the app sees it, so streaming (no buffering, refusal before reading) is checked on Kestrel over
/// loopback sockets.
/// </summary>
[NonParallelizable]
public class UploadOverKestrelTests
{
    private TestApp _app = null!;
    private Uri _baseAddress = null!;
    private UserClient _user = null!;

    [OneTimeSetUp]
    public async Task StartKestrel()
    {
        _app = new TestApp();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        _baseAddress = new Uri(addresses.Addresses.First());
        var user = await _app.CreateUserAsync();

        // A plain client: the factory's own clients buffer request bodies (to replay them on redirects).
        var http = new HttpClient { BaseAddress = _baseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
        _user = user with { Http = http };
    }

    [OneTimeTearDown]
    public async Task StopKestrel()
    {
        _user.Http.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Content_length_over_the_limit_is_answered_413_without_sending_any_body()
    {
        var personaId = await _user.CreatePersonaAsync();
        var storedBefore = await _app.Storage.ListKeysAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_baseAddress.Host, _baseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /upload/persona/{personaId}/video HTTP/1.1\r\n"
            + $"Host: {_baseAddress.Authority}\r\n"
            + $"Authorization: Bearer {_user.Token}\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\n"
            + $"Content-Length: {12 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // Not one byte of the body is sent: an answer can only come from the headers.
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(statusLine, Does.StartWith("HTTP/1.1 413"));
        Assert.That(await _app.Storage.ListKeysAsync(), Is.EqualTo(storedBefore));
    }

    /// <summary>
    /// The pixel-flood guard reads the header as it arrives: the client sends the flood's first bytes
    /// and then holds the rest of a 9 MiB body back, so only a refusal made from the header can answer.
    /// </summary>
    [TestCase(MediaFixtures.FloodPng, "image/png")]
    [TestCase(MediaFixtures.FloodJpeg, "image/jpeg")]
    public async Task A_pixel_flood_is_refused_from_its_header_before_the_rest_of_the_body_is_sent(string fixture, string contentType)
    {
        var personaId = await _user.CreatePersonaAsync();
        var storedBefore = await _app.Storage.ListKeysAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_baseAddress.Host, _baseAddress.Port);
        var stream = tcp.GetStream();
        var preamble = Encoding.ASCII.GetBytes(
            $"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fixture}\"\r\nContent-Type: {contentType}\r\n\r\n");
        var head = $"POST /upload/persona/{personaId}/image HTTP/1.1\r\n"
            + $"Host: {_baseAddress.Authority}\r\n"
            + $"Authorization: Bearer {_user.Token}\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\n"
            + $"Content-Length: {preamble.Length + (9 * Payloads.MiB)}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(preamble);
        await stream.WriteAsync(MediaFixtures.Read(fixture));
        await stream.WriteAsync(new byte[16 * 1024]); // beyond the multipart reader's look-ahead; the other 9 MiB never come
        await stream.FlushAsync();

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(statusLine, Does.StartWith("HTTP/1.1 400"));
        Assert.That(await _app.Storage.ListKeysAsync(), Is.EqualTo(storedBefore), "nothing left behind");
    }

    /// <summary>
    /// A 10 MiB upload must not allocate anything near 10 MiB in the whole process (client and
    /// server together); buffering the file once, as IFormFile binding or a MemoryStream copy
    /// would, allocates at least its full size.
    /// </summary>
    [Test]
    public async Task A_10_MiB_upload_allocates_far_less_than_the_file()
    {
        var personaId = await _user.CreatePersonaAsync();
        await _user.UploadVideoAsync(personaId, Payloads.Mp4()).UploadOkAsync(); // warm up code paths and pools
        var content = new GeneratedContent(Payloads.Mp4(64 * 1024), Payloads.Limit);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await _user.Http.PostAsync(
            Uploads.VideoUrl(personaId), Uploads.Form(FormPart.File(content, "big.mp4", "video/mp4")));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await TestContext.Out.WriteLineAsync($"Allocated during a 10 MiB upload: {allocated / 1024.0 / 1024.0:F2} MiB");
        Assert.That(allocated, Is.LessThan(4 * Payloads.MiB));
    }

    /// <summary>
    /// The bytes reach the store while the client is still sending: the client sends 1 MiB, then
    /// waits until a partial file has appeared in the store before sending the rest. A server
    /// that buffered the body first (in memory or in a temporary file) would never let it appear.
    /// </summary>
    [Test]
    public async Task Bytes_reach_the_store_before_the_body_has_been_sent()
    {
        var personaId = await _user.CreatePersonaAsync();
        var storedBefore = await _app.Storage.ListKeysAsync();
        var content = new GatedContent(Payloads.Mp4(8 * Payloads.MiB), firstPart: Payloads.MiB, async () =>
            (await _app.Storage.ListKeysAsync()).Except(storedBefore).Any(key => key.EndsWith(".partial", StringComparison.Ordinal)));

        using var response = await _user.Http.PostAsync(
            Uploads.VideoUrl(personaId), Uploads.Form(FormPart.File(content, "big.mp4", "video/mp4")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(content.GateOpened, Is.True, "no partial file appeared in the store while the upload was half sent");
    }

    /// <summary>Streams <c>length</c> bytes by repeating a small block, so the test client holds no 10 MiB array.</summary>
    private sealed class GeneratedContent(byte[] block, long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (long sent = 0; sent < length; sent += block.Length)
            {
                await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return true;
        }
    }

    /// <summary>Sends the first part, waits (at most 10 s) for a condition, then sends the rest.</summary>
    private sealed class GatedContent(byte[] bytes, int firstPart, Func<Task<bool>> gate) : HttpContent
    {
        public bool GateOpened { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, firstPart));
            await stream.FlushAsync();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(GateOpened = await gate()) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await stream.WriteAsync(bytes.AsMemory(firstPart));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
