using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>
/// The published app running as its own process on a free loopback port, for tests that need what
/// only a real process has: signals, the real listener, the real shutdown. Killed when disposed.
/// </summary>
internal sealed partial class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningApp(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the published app (see <see cref="PublishedApp.OperatorEnvironment"/>) and waits until it listens.</summary>
    public static async Task<RunningApp> StartAsync(string root, IReadOnlyDictionary<string, string?> settings, TimeSpan timeout)
    {
        var folder = await PublishedApp.FolderAsync();
        var process = new Process
        {
            StartInfo = PublishedApp.StartInfo(
                "dotnet", [Path.Combine(folder, PublishedApp.AssemblyName)], root, PublishedApp.OperatorEnvironment(root, settings)),
        };
        var app = new RunningApp(process);
        process.OutputDataReceived += (_, e) => app.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => app.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not listen within {timeout}:\n{app.Output}");
        }

        return app;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and Kubernetes do.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, "kill -TERM");
    }

    /// <summary>Sends SIGKILL, as a power cut or the OOM killer would: no shutdown runs at all.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>The exit code, or null if the process still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            await _process.WaitForExitAsync(CancellationToken.None); // drains the output
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>A request body sent in two parts: the second only once <see cref="Release"/> is called.</summary>
internal sealed class PausedContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _pauseAt;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PausedContent(byte[] body, int pauseAt, string contentType)
    {
        _body = body;
        _pauseAt = pauseAt;
        Headers.TryAddWithoutValidation("Content-Type", contentType);
    }

    public void Release() => _release.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        await stream.WriteAsync(_body.AsMemory(0, _pauseAt));
        await stream.FlushAsync();
        await _release.Task;
        await stream.WriteAsync(_body.AsMemory(_pauseAt));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
