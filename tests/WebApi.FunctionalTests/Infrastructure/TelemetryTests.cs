using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The published app as an operator runs it (Production: JSON-lines logs), with the framework's own
/// categories turned up to Debug, where the router names request paths: after sign-up, uploads (stored
/// and refused), downloads and a signed URL, every line on the console is one JSON object, the request
/// lines carry route templates and trace ids, no access token, password or signed-URL token appears,
/// and <c>/metrics</c> (on its own port only) counted each of those requests.
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed partial class TelemetryTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private string _root = null!;

    [OneTimeSetUp]
    public async Task Publish() => await PublishedApp.FolderAsync();

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("personamedia-telemetry-").FullName;

    [TearDown]
    public void DeleteRoot()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task Logs_are_json_lines_without_credentials_and_metrics_count_uploads_and_downloads_on_their_own_port()
    {
        var metricsPort = FreePort();
        await using var app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:0;http://127.0.0.1:{metricsPort}",
            ["Telemetry__MetricsPort"] = metricsPort.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
        }, StartTimeout);
        using var client = app.CreateClient();
        var register = await client.PostAsJsonAsync("/auth/register", new
        {
            email = "ops@example.com", username = "ops", password = TestApp.Password, full_name = "Operator",
        });
        register.EnsureSuccessStatusCode();
        var accessToken = (await register.JsonAsync()).GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var persona = (await (await client.PostAsJsonAsync("/personas/", new { name = "Grace" })).JsonAsync()).GetProperty("id").GetInt32();

        var jpeg = Payloads.Jpeg(3000);
        var stored = await client.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(jpeg, "photo.jpg", "image/jpeg"))).UploadOkAsync();
        var fileId = stored.GetProperty("id").GetInt32();
        var userId = stored.GetProperty("user_id").GetInt32();
        await AssertStatusAsync(client.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(Payloads.Jpeg(), "photo.gif"))), HttpStatusCode.BadRequest);
        await AssertStatusAsync(client.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(Payloads.Png(), "photo.jpg"))), HttpStatusCode.BadRequest);
        await AssertStatusAsync(client.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File([], "photo.jpg"))), HttpStatusCode.BadRequest);
        await AssertStatusAsync(client.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(Media.MediaFixtures.Read(Media.MediaFixtures.FloodPng), "flood.png"))), HttpStatusCode.BadRequest);
        await AssertStatusAsync(client.GetAsync($"/upload/files/{fileId}/download"), HttpStatusCode.OK);

        var url = (await (await client.GetAsync($"/upload/files/{fileId}/url")).JsonAsync()).GetProperty("url").GetString()!;
        var signedToken = new Uri(url).AbsolutePath["/media/".Length..];
        using var anonymous = app.CreateClient();
        using (var signed = await anonymous.GetAsync(new Uri(url).PathAndQuery))
        {
            Assert.That(signed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await signed.Content.ReadAsByteArrayAsync(), Is.EqualTo(jpeg));
        }

        await AssertStatusAsync(anonymous.GetAsync("/media/" + signedToken[..^4] + "AAAA"), HttpStatusCode.NotFound);
        var forged = accessToken[..^6] + "abcdef";
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
            await AssertStatusAsync(anonymous.SendAsync(request), HttpStatusCode.Unauthorized);
        }

        using var onApiPort = await client.GetAsync("/metrics");
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        var metrics = await scraper.GetStringAsync("/metrics");
        await app.TerminateAsync();
        Assert.That(await app.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero, app.Output);
        var output = app.Output;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onApiPort.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "/metrics is not served on the API's port");
            Assert.That(Sample(metrics, "personamedia_uploads_total", ("media_type", "image"), ("outcome", "stored"), ("reason", "none")), Is.EqualTo(1), metrics);
            Assert.That(Sample(metrics, "personamedia_uploads_total", ("outcome", "refused"), ("reason", "extension")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_uploads_total", ("outcome", "refused"), ("reason", "signature")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_uploads_total", ("outcome", "refused"), ("reason", "empty")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_uploads_total", ("outcome", "refused"), ("reason", "pixel_flood")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_upload_duration_seconds_count", ("media_type", "image"), ("outcome", "stored")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_upload_duration_seconds_count", ("media_type", "image"), ("outcome", "refused")), Is.EqualTo(4));
            Assert.That(Sample(metrics, "personamedia_upload_size_bytes_sum", ("media_type", "image")), Is.EqualTo(jpeg.Length));
            Assert.That(Sample(metrics, "personamedia_uploads_active", ("media_type", "image")), Is.Zero);
            Assert.That(Sample(metrics, "personamedia_downloads_total", ("route", "download"), ("outcome", "served")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_downloads_total", ("route", "signed"), ("outcome", "served")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_downloads_total", ("route", "signed"), ("outcome", "not_found")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_download_size_bytes_sum", ("route", "signed")), Is.EqualTo(jpeg.Length));
            Assert.That(Sample(metrics, "personamedia_store_operation_duration_seconds_count", ("provider", "local"), ("operation", "commit"), ("outcome", "ok")), Is.EqualTo(1));
            Assert.That(Sample(metrics, "personamedia_store_operation_duration_seconds_count", ("provider", "local"), ("operation", "open_read"), ("outcome", "ok")), Is.EqualTo(2));
            Assert.That(Sample(metrics, "http_server_request_duration_seconds_count", ("http_route", "upload/persona/{persona_id:int}/image"), ("http_response_status_code", "200")), Is.EqualTo(1), metrics);
        }

        // What the committed dashboard and alert rules query must exist, or their panels stay empty and their alerts silent.
        var root = PublishedApp.RepositoryRoot();
        foreach (var file in new[] { "ops/grafana/dashboards/personamedia.json", "ops/prometheus/alerts.yml" })
        {
            var queried = QueriedMetric().Matches(await File.ReadAllTextAsync(Path.Combine(root, file))).Select(m => m.Value).Distinct().ToList();
            Assert.That(queried, Is.Not.Empty, file);
            Assert.That(queried.Where(name => Sample(metrics, name) is null && !metrics.Contains($"# TYPE {name} ", StringComparison.Ordinal)), Is.Empty, $"{file} queries metrics that /metrics does not have");
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var records = new List<JsonElement>();
        foreach (var line in lines)
        {
            Assert.That(() => records.Add(JsonDocument.Parse(line).RootElement.Clone()), Throws.Nothing, $"not one JSON object: {line}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Not.Contain(accessToken), "the access token");
            Assert.That(output, Does.Not.Contain(accessToken.Split('.')[2]), "the access token's signature");
            Assert.That(output, Does.Not.Contain(forged.Split('.')[2]), "a refused token");
            Assert.That(output, Does.Not.Contain(signedToken), "the signed URL's token");
            Assert.That(output, Does.Not.Contain(signedToken[..^4] + "AAAA"), "a tampered signed URL's token");
            Assert.That(output, Does.Not.Contain(TestApp.Password), "the password");
            Assert.That(records.Any(r => r.GetProperty("category").GetString()!.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)),
                "the framework's debug lines were written (and redacted), so the test saw what they carry");
        }

        var requests = records.Where(r => r.GetProperty("category").GetString() == "PersonaMedia.Requests").ToList();
        var upload = requests.Single(r => State(r, "Route") == "/upload/persona/{persona_id:int}/image" && State(r, "StatusCode") == "200");
        var signedLine = requests.First(r => State(r, "Route") == "/media/{token}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(State(upload, "Method"), Is.EqualTo("POST"));
            Assert.That(State(upload, "UserId"), Is.EqualTo(userId.ToString(CultureInfo.InvariantCulture)));
            Assert.That(long.Parse(State(upload, "RequestBytes")!, CultureInfo.InvariantCulture), Is.GreaterThan(jpeg.Length));
            Assert.That(double.Parse(State(upload, "DurationMs")!, CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(upload.GetProperty("trace_id").GetString(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(upload.GetProperty("span_id").GetString(), Does.Match("^[0-9a-f]{16}$"));
            Assert.That(upload.GetProperty("request_id").GetString(), Is.Not.Empty);
            Assert.That(State(signedLine, "ResponseBytes"), Is.EqualTo(jpeg.Length.ToString(CultureInfo.InvariantCulture)));
            Assert.That(requests.Count(r => State(r, "Route") == "/upload/persona/{persona_id:int}/image"), Is.EqualTo(5), "one line per request");
        }
    }

    [Test]
    public async Task With_an_otlp_endpoint_spans_of_requests_reach_it_named_by_route_and_without_the_signed_token()
    {
        var sinkPort = FreePort();
        using var sink = new HttpListener();
        sink.Prefixes.Add($"http://127.0.0.1:{sinkPort}/");
        sink.Start();
        var received = new List<(string Path, byte[] Body)>();
        var receiving = ReceiveAsync(sink, received);

        await using var app = await RunningApp.StartAsync(_root, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{sinkPort}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_SERVICE_NAME"] = "personamedia-under-test",
        }, StartTimeout);
        using var client = app.CreateClient();
        var register = await client.PostAsJsonAsync("/auth/register", new
        {
            email = "trace@example.com", username = "trace", password = TestApp.Password, full_name = "Tracer",
        });
        register.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await register.JsonAsync()).GetProperty("access_token").GetString());
        var persona = (await (await client.PostAsJsonAsync("/personas/", new { name = "Grace" })).JsonAsync()).GetProperty("id").GetInt32();
        var stored = await client.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(Payloads.Jpeg(), "photo.jpg", "image/jpeg"))).UploadOkAsync();
        var url = (await (await client.GetAsync($"/upload/files/{stored.GetProperty("id").GetInt32()}/url")).JsonAsync()).GetProperty("url").GetString()!;
        var signedToken = new Uri(url).AbsolutePath["/media/".Length..];
        await AssertStatusAsync(client.GetAsync(new Uri(url).PathAndQuery), HttpStatusCode.OK);

        await app.TerminateAsync();
        Assert.That(await app.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero, app.Output);
        sink.Stop();
        await receiving;

        List<(string Path, byte[] Body)> traces;
        lock (received)
        {
            traces = received.Where(r => r.Path == "/v1/traces").ToList();
        }

        // OTLP/protobuf carries strings as plain UTF-8, so a span's names and attributes can be looked for as bytes.
        var all = string.Concat(traces.Select(t => System.Text.Encoding.UTF8.GetString(t.Body)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(traces, Is.Not.Empty, app.Output);
            Assert.That(all, Does.Contain("personamedia-under-test"));
            Assert.That(all, Does.Contain("POST upload/persona/{persona_id:int}/image"), "the upload's server span");
            Assert.That(all, Does.Contain("/media/{token}"), "the signed download's span, by its route");
            Assert.That(all, Does.Contain("INSERT"), "a database command's span (SQLite, through EF Core)");
            Assert.That(all, Does.Not.Contain(signedToken), "the signed URL's token");
            Assert.That(all, Does.Not.Contain(TestApp.Password));
        }
    }

    private static async Task ReceiveAsync(HttpListener sink, List<(string Path, byte[] Body)> received)
    {
        while (sink.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await sink.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (received)
            {
                received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static async Task AssertStatusAsync(Task<HttpResponseMessage> send, HttpStatusCode status)
    {
        using var response = await send;
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
    }

    private static string? State(JsonElement record, string name) =>
        record.TryGetProperty("state", out var state) && state.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/>; null when none.</summary>
    internal static double? Sample(string exposition, string name, params (string Name, string Value)[] labels)
    {
        double? total = null;
        foreach (Match match in SampleLine().Matches(exposition))
        {
            if (match.Groups["name"].Value != name)
            {
                continue;
            }

            var present = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            if (labels.All(l => present.TryGetValue(l.Name, out var v) && v == l.Value))
            {
                total = (total ?? 0) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    /// <summary>The service's and ASP.NET Core's metric names in a PromQL text.</summary>
    [GeneratedRegex(@"\b(personamedia|http_server)_[a-z_]+\b")]
    private static partial Regex QueriedMetric();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
