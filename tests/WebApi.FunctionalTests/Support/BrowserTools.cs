using System.Diagnostics;
using Microsoft.Playwright;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never a browser of Playwright's own: none can be
/// downloaded here), and ffmpeg for real media. scripts/test.sh installs both
/// (scripts/lib/ensure-chromium.sh, scripts/lib/ensure-tools.sh) and sets
/// <see cref="RequiredVariable"/>, so a missing tool fails that run; elsewhere the browser tests
/// skip with the reason.
/// </summary>
public static class BrowserTools
{
    public const string RequiredVariable = "PERSONAMEDIA_TEST_REQUIRE_BROWSER";

    /// <summary>Overrides the browser's path (default <c>/usr/bin/chromium</c>, where Debian puts it).</summary>
    public const string ChromiumVariable = "PERSONAMEDIA_TEST_CHROMIUM";

    /// <summary>Skips the test with the reason, or fails it when the run requires the browser tools.</summary>
    public static void Unavailable(string reason)
    {
        var full = $"{reason} Run scripts/test.sh, which installs Chromium and ffmpeg.";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            Assert.Fail(full);
        }

        Assert.Ignore(full);
    }

    /// <summary>Starts headless Chromium; throws <see cref="BrowserUnavailableException"/> with the reason when it cannot.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new BrowserUnavailableException($"Chromium is not installed at {path}.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                ChromiumSandbox = false, // runs as root here, where Chromium's sandbox cannot start
                Timeout = 60_000,
                Args =
                [
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required",
                ],
            });
            return (playwright, browser);
        }
        catch (PlaywrightException e)
        {
            playwright.Dispose();
            throw new BrowserUnavailableException($"Chromium at {path} did not start: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Runs ffmpeg with the arguments, writing <paramref name="output"/>; throws <see cref="BrowserUnavailableException"/> when there is no ffmpeg.</summary>
    public static async Task<byte[]> FfmpegAsync(string output, params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-hide_banner", "-loglevel", "error", "-y", .. arguments, output])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BrowserUnavailableException($"ffmpeg could not be started: {e.Message}.");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.That(process.ExitCode, Is.Zero, $"ffmpeg failed: {await errors}");
        }

        return await File.ReadAllBytesAsync(output);
    }
}

/// <summary>A tool the browser tests need is missing; the message says which and why.</summary>
public sealed class BrowserUnavailableException(string message) : Exception(message);
