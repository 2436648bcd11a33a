using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Docs;

/// <summary>
/// The README's examples run as a newcomer would run them: in the order written, in one empty
/// folder, against a fresh database, with the tools they name (bash, curl, jq, ffmpeg,
/// Python with requests). Only the base URL is pointed at a test server; the examples register the
/// users they sign in as and make the files they upload. scripts/test.sh installs those tools; run
/// alone without them, the test is skipped.
/// </summary>
[NonParallelizable]
public sealed partial class ReadmeExamplesTests
{
    private const string ReadmeBaseUrl = "http://localhost:8000";

    private TestApp _app = null!;
    private string _base = null!;
    private string _workDir = null!;
    private string _readme = null!;

    [OneTimeSetUp]
    public void FindReadme() => _readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    [SetUp]
    public void StartAFreshServer()
    {
        _app = new TestApp();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _workDir = Path.Combine(_app.Root, "reader");
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public async Task StopServer() => await _app.DisposeAsync();

    [Test]
    public async Task The_examples_run_in_the_order_written_on_a_fresh_database()
    {
        RequireTools("bash", "curl", "jq", "ffmpeg", "python3");
        if ((await RunAsync("python3", "-c \"import requests\"", "")).ExitCode != 0)
        {
            Assert.Ignore("Python's requests package is not installed (scripts/test.sh installs python3-requests).");
        }

        // 1. "Try it with curl": an account of its own, a persona made, changed and deleted, a 401.
        var (tryExit, tryOutput) = await RunScriptAsync("bash -euo pipefail", CodeBlock("sh", "curl -s http://localhost:8000/health"));
        Assert.That(tryExit, Is.Zero, tryOutput);
        Assert.That(tryOutput, Does.Contain("\"username\":\"alice\"").And.Contain("Persona deleted").And.Contain("HTTP/1.1 401 Unauthorized"), tryOutput);

        // 2. Media "Examples" in the shell: makes photo.jpg and clip.mp4 with ffmpeg, registers ada.
        var (shExit, shOutput) = await RunScriptAsync("bash -euo pipefail", CodeBlock("sh", "BASE=http://localhost:8000"));
        Assert.That(shExit, Is.Zero, shOutput);
        Assert.That(shOutput, Does.Contain("\"original_filename\":\"photo.jpg\""), shOutput);
        Assert.That(shOutput, Does.Contain("X-Total-Count: 1"), shOutput);
        Assert.That(shOutput, Does.Contain("304\n"), "If-None-Match with the photo's sha256:\n" + shOutput);
        Assert.That(shOutput, Does.Contain("200 image/jpeg"), "the signed URL loads without a token:\n" + shOutput);
        Assert.That(shOutput, Does.Contain("\"description\":\"New caption\"").And.Contain("412\n").And.Contain("\"description\":\"Newer\""), shOutput);
        Assert.That(shOutput, Does.Contain("File deleted"), shOutput);
        var photo = await File.ReadAllBytesAsync(Path.Combine(_workDir, "photo.jpg"));
        Assert.That(photo.AsSpan(0, 3).ToArray(), Is.EqualTo(new byte[] { 0xFF, 0xD8, 0xFF }), "ffmpeg made a JPEG");
        Assert.That(File.ReadAllBytes(Path.Combine(_workDir, "first-kib.bin")), Has.Length.EqualTo(1024));
        // The stored file is the photo without its metadata (privacy by default): the download is what image.json describes.
        var stored = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_workDir, "image.json"))).RootElement;
        var downloaded = await File.ReadAllBytesAsync(Path.Combine(_workDir, "downloaded.jpg"));
        Assert.That(Payloads.Sha256(downloaded), Is.EqualTo(stored.GetProperty("sha256").GetString()));
        Assert.That(downloaded, Has.Length.EqualTo(stored.GetProperty("file_size").GetInt64()));

        // 3. The same from Python: its own account, the photo.jpg the shell made.
        var (pyExit, pyOutput) = await RunScriptAsync("python3", CodeBlock("python", "base = \"http://localhost:8000\""));
        Assert.That(pyExit, Is.Zero, pyOutput);
        Assert.That(pyOutput, Does.Contain("1 ['photo.jpg']"), pyOutput);
        Assert.That(pyOutput, Does.Contain("'total_files': 1"), pyOutput);

        var users = await _app.QueryAsync(db => db.Users.OrderBy(u => u.Id).Select(u => u.Username).ToListAsync());
        Assert.That(users, Is.EqualTo(new[] { "alice", "ada", "grace" }), "each example registered the user it signs in as");
        var remaining = await _app.QueryAsync(db => db.MediaFiles.Select(f => f.OriginalFileName).ToListAsync());
        Assert.That(remaining, Is.EqualTo(new[] { "clip.mp4" }), "the shell examples delete the image and keep the video; Python deletes its file");
    }

    /// <summary>The first fenced block of the language in the README that contains the marker, pointed at the test server.</summary>
    private string CodeBlock(string language, string marker)
    {
        var block = FencedBlock().Matches(_readme)
            .Where(m => m.Groups["lang"].Value == language && m.Groups["code"].Value.Contains(marker, StringComparison.Ordinal))
            .Select(m => m.Groups["code"].Value)
            .FirstOrDefault();
        Assert.That(block, Is.Not.Null, $"README has no ```{language} block containing '{marker}'");
        return block!.Replace(ReadmeBaseUrl, _base, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the block from a file, as a reader who saved it would, with nothing on standard input
    /// (ffmpeg, for one, reads its keys from there).
    /// </summary>
    private async Task<(int ExitCode, string Output)> RunScriptAsync(string interpreter, string code)
    {
        var script = Path.Combine(_app.Root, $"block-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(script, code);
        var parts = interpreter.Split(' ', 2);
        return await RunAsync(parts[0], $"{(parts.Length > 1 ? parts[1] + " " : "")}{script}", "");
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
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
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
