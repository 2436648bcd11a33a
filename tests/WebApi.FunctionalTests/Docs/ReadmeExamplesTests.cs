using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Docs;

/// <summary>
/// The README's media examples run as written (only the base URL is pointed at a test server),
/// with the tools a reader would use: bash, curl and jq, and Python with requests.
/// scripts/test.sh installs those tools; run alone without them, these tests are skipped.
/// </summary>
[NonParallelizable]
public sealed partial class ReadmeExamplesTests
{
    private const string ReadmeBase = "BASE=http://localhost:8000";
    private const string ReadmeBasePython = "base = \"http://localhost:8000\"";

    private TestApp _app = null!;
    private string _base = null!;
    private string _workDir = null!;
    private string _readme = null!;

    [OneTimeSetUp]
    public void FindReadme() => _readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    [SetUp]
    public async Task StartServerWithTheReadersAccount()
    {
        _app = new TestApp();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient { BaseAddress = new Uri(_base) };
        var registered = await http.PostAsJsonAsync("/auth/register", new
        {
            email = "ada@example.com", username = "ada", password = "correct-horse-battery", full_name = "Ada",
        });
        registered.EnsureSuccessStatusCode();

        _workDir = Path.Combine(_app.Root, "reader");
        Directory.CreateDirectory(_workDir);
        await File.WriteAllBytesAsync(Path.Combine(_workDir, "photo.jpg"), Payloads.Jpeg(50_000));
        await File.WriteAllBytesAsync(Path.Combine(_workDir, "clip.mp4"), Payloads.Mp4(80_000));
    }

    [TearDown]
    public async Task StopServer() => await _app.DisposeAsync();

    [Test]
    public async Task Curl_examples_run_as_written()
    {
        RequireTools("bash", "curl", "jq");
        var script = CodeBlock("sh", ReadmeBase).Replace(ReadmeBase, $"BASE={_base.TrimEnd('/')}", StringComparison.Ordinal);

        var (exitCode, output) = await RunAsync("bash", "-euo pipefail -s", script);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("\"original_filename\":\"photo.jpg\""), output);
        Assert.That(output, Does.Contain("X-Total-Count: 1"), output);
        Assert.That(output, Does.Contain("304"), output);
        Assert.That(output, Does.Contain("File deleted"), output);
        Assert.That(File.ReadAllBytes(Path.Combine(_workDir, "first-kib.bin")), Has.Length.EqualTo(1024));
        Assert.That(File.ReadAllBytes(Path.Combine(_workDir, "downloaded.jpg")), Is.EqualTo(File.ReadAllBytes(Path.Combine(_workDir, "photo.jpg"))));
        var remaining = await _app.QueryAsync(db => db.MediaFiles.Select(f => f.OriginalFileName).ToListAsync());
        Assert.That(remaining, Is.EqualTo(new[] { "clip.mp4" }), "the examples delete the image and keep the video");
    }

    [Test]
    public async Task Python_example_runs_as_written()
    {
        RequireTools("python3");
        var (hasRequests, _) = await RunAsync("python3", "-c \"import requests\"", "");
        if (hasRequests != 0)
        {
            Assert.Ignore("Python's requests package is not installed (scripts/test.sh installs python3-requests).");
        }

        var script = CodeBlock("python", ReadmeBasePython)
            .Replace(ReadmeBasePython, $"base = \"{_base.TrimEnd('/')}\"", StringComparison.Ordinal);

        var (exitCode, output) = await RunAsync("python3", "-", script);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("1 ['photo.jpg']"), output);
        Assert.That(output, Does.Contain("'total_files': 1"), output);
        Assert.That(await _app.QueryAsync(db => db.MediaFiles.CountAsync()), Is.Zero, "the example deletes its file");
    }

    /// <summary>The first fenced block of the language in the README that contains the marker line.</summary>
    private string CodeBlock(string language, string marker)
    {
        var block = FencedBlock().Matches(_readme)
            .Where(m => m.Groups["lang"].Value == language && m.Groups["code"].Value.Contains(marker, StringComparison.Ordinal))
            .Select(m => m.Groups["code"].Value)
            .FirstOrDefault();
        Assert.That(block, Is.Not.Null, $"README has no ```{language} block containing '{marker}'");
        return block!;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string stdin)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = _workDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void RequireTools(params string[] tools)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        var missing = tools.Where(tool => !path.Any(dir => File.Exists(Path.Combine(dir, tool)))).ToList();
        if (missing.Count > 0)
        {
            Assert.Ignore($"{string.Join(", ", missing)} not installed (scripts/test.sh installs them).");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PersonaMedia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with PersonaMedia.sln) was not found above the test binaries.");
    }

    [GeneratedRegex("^```(?<lang>[a-z]+)\\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
