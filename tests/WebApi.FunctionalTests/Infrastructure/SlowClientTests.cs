using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// <c>Connections:*</c> on the real listener of the published app: a client that trickles its headers
/// (slow loris), sends its body too slowly or idles between requests is cut off; a client that resets
/// its connection mid-upload is one Information line, no error and no stack trace, and is counted.
/// The timeouts are set small here so that each test waits seconds, not the defaults' minutes.
/// </summary>
[NonParallelizable]
public class SlowClientTests
{
    private const int HeadersTimeoutSeconds = 2;
    private const int KeepAliveSeconds = 2;
    private const int BodyGraceSeconds = 2;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The timeout, plus Kestrel's one-second heartbeat, plus room for a busy machine.</summary>
    private static readonly TimeSpan CutOffWithin = TimeSpan.FromSeconds(10);

    private string _root = null!;
    private RunningApp _app = null!;
    private int _metricsPort;
    private string _token = null!;
    private int _personaId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _root = Directory.CreateTempSubdirectory("personamedia-slow-clients-").FullName;
        _metricsPort = FreePort();
        _app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:0;http://127.0.0.1:{_metricsPort}",
            ["Telemetry__MetricsPort"] = _metricsPort.ToString(CultureInfo.InvariantCulture),
            ["Connections__RequestHeadersTimeoutSeconds"] = $"{HeadersTimeoutSeconds}",
            ["Connections__KeepAliveTimeoutSeconds"] = $"{KeepAliveSeconds}",
            ["Connections__MinRequestBodyBytesPerSecond"] = "20000",
            ["Connections__MinRequestBodyGraceSeconds"] = $"{BodyGraceSeconds}",
        }, StartTimeout);
        using var client = _app.CreateClient();
        using var register = await client.PostAsJsonAsync("/auth/register", new { email = "slow@example.com", username = "slow", password = TestApp.Password });
        register.EnsureSuccessStatusCode();
        _token = (await register.JsonAsync()).GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var persona = await client.PostAsJsonAsync("/personas/", new { name = "Slow" });
        _personaId = (await persona.JsonAsync()).GetProperty("id").GetInt32();
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task A_client_that_trickles_its_headers_is_cut_off_after_the_headers_timeout()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n");
        var clock = Stopwatch.StartNew();

        // One more header line every 300 ms, for ever: never the empty line that ends them.
        var closed = await TrickleUntilClosedAsync(socket, i => $"X-Slow-{i}: a\r\n", TimeSpan.FromMilliseconds(300));

        Assert.That(closed, Is.True, "the server kept the connection open for all of " + CutOffWithin);
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(HeadersTimeoutSeconds - 0.5)));
    }

    [Test]
    public async Task An_idle_connection_is_closed_after_the_keep_alive_timeout()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var answer = await ReadSomeAsync(socket, TimeSpan.FromSeconds(10));
        Assert.That(answer, Does.StartWith("HTTP/1.1 200"));
        var clock = Stopwatch.StartNew();

        var rest = await ReadToCloseAsync(socket, CutOffWithin);

        Assert.That(rest, Is.Not.Null, "the idle connection was still open after " + CutOffWithin);
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(KeepAliveSeconds - 0.5)));
    }

    [Test]
    public async Task An_upload_body_slower_than_the_minimum_rate_is_cut_off()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, UploadHead(contentLength: 500_000));
        var clock = Stopwatch.StartNew();

        // 100 bytes every 200 ms: 500 B/s against a minimum of 20,000.
        var closed = await TrickleUntilClosedAsync(socket, _ => new string('a', 100), TimeSpan.FromMilliseconds(200));

        Assert.That(closed, Is.True, "a body of 500 B/s was still being received after " + CutOffWithin);
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(BodyGraceSeconds - 0.5)));
    }

    [Test]
    public async Task A_client_reset_mid_upload_is_one_information_line_without_a_stack_trace_and_is_counted()
    {
        var before = await UploadsAbortedAsync();
        using (var socket = await ConnectAsync())
        {
            await SendAsync(socket, UploadHead(contentLength: 1_000_000));
            await SendAsync(socket, FormStart() + new string((char)0, 200_000));
            await Task.Delay(500);
            // Linger 0: close answers with RST, as a dropped mobile connection or a killed browser tab does.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        await WaitUntilAsync(async () => await UploadsAbortedAsync() > before, TimeSpan.FromSeconds(15));
        await Task.Delay(500);
        var records = Records(_app.Output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await UploadsAbortedAsync(), Is.EqualTo(before + 1), "counted as aborted by the client");
            // An upload that took long is reported as slow by the logging behaviour, reset or not; nothing else may warn.
            Assert.That(records.Where(r => Level(r) is "Warning" or "Error" or "Critical" && Event(r) != "LogSlow").Select(r => r.GetRawText()), Is.Empty,
                "a reset is not a warning or an error");
            Assert.That(records.Where(r => r.TryGetProperty("exception", out _)).Select(r => r.GetRawText()), Is.Empty, "no stack trace");
            Assert.That(records.Count(IsTheAbortedUpload), Is.EqualTo(1), "one line: the request's own, saying it was aborted");
        }
    }

    /// <summary>The request log's line of an upload whose client went away: Information, status 499, aborted true.</summary>
    private static bool IsTheAbortedUpload(JsonElement record) =>
        Level(record) == "Information" && Event(record) == "RequestEnded"
        && record.GetProperty("state").GetProperty("Aborted").ValueKind == JsonValueKind.True
        && record.GetProperty("state").GetProperty("Route").GetString()!.StartsWith("/upload/", StringComparison.Ordinal);

    private static string? Event(JsonElement record) => record.TryGetProperty("event", out var name) ? name.GetString() : null;

    private static string? Level(JsonElement record) => record.TryGetProperty("level", out var level) ? level.GetString() : null;

    private static List<JsonElement> Records(string output)
    {
        var records = new List<JsonElement>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('{'))
            {
                records.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return records;
    }

    private async Task<double> UploadsAbortedAsync()
    {
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_metricsPort}") };
        var metrics = await scraper.GetStringAsync("/metrics");
        return TelemetryTests.Sample(metrics, "personamedia_uploads_total", ("outcome", "aborted"), ("reason", "client")) ?? 0;
    }

    private const string Boundary = "slowclientboundary";

    private string UploadHead(int contentLength) =>
        $"POST /upload/persona/{_personaId}/image HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {_token}\r\n"
        + $"Content-Type: multipart/form-data; boundary={Boundary}\r\nContent-Length: {contentLength}\r\n\r\n";

    private static string FormStart() =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF";

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _app.BaseAddress.Port);
        return socket;
    }

    private static Task<int> SendAsync(Socket socket, string text) => socket.SendAsync(Encoding.Latin1.GetBytes(text));

    /// <summary>Sends <paramref name="piece"/> every <paramref name="every"/> until the server closes (true) or <see cref="CutOffWithin"/> passes (false).</summary>
    private static async Task<bool> TrickleUntilClosedAsync(Socket socket, Func<int, string> piece, TimeSpan every)
    {
        var reading = ReadToCloseAsync(socket, CutOffWithin);
        for (var i = 0; !reading.IsCompleted; i++)
        {
            try
            {
                await SendAsync(socket, piece(i));
            }
            catch (SocketException)
            {
                return true;
            }

            await Task.WhenAny(reading, Task.Delay(every));
        }

        return await reading is not null;
    }

    /// <summary>What the server sends until it closes the connection; null when it is still open after <paramref name="within"/>.</summary>
    private static async Task<string?> ReadToCloseAsync(Socket socket, TimeSpan within)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                if (read == 0)
                {
                    return received.ToString();
                }

                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (SocketException)
        {
            return received.ToString();
        }
    }

    private static async Task<string> ReadSomeAsync(Socket socket, TimeSpan within)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(within);
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
        return Encoding.Latin1.GetString(buffer, 0, read);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition() && clock.Elapsed < within)
        {
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
