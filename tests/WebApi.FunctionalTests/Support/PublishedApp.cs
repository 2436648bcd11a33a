using System.Diagnostics;
using System.Text;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>
/// The service as an operator runs it: published in Release (as the Dockerfile does) once per test
/// run, started with <c>dotnet PersonaMedia.WebApi.dll</c> in Production with only the given
/// environment variables, its output collected.
/// </summary>
internal static class PublishedApp
{
    public const string AssemblyName = "PersonaMedia.WebApi.dll";

    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    /// <summary>The folder the app was published to.</summary>
    public static Task<string> FolderAsync() => Folder.Value;

    public static async Task<string> PublishAsync()
    {
        var output = Directory.CreateTempSubdirectory("personamedia-published-").FullName;
        var project = Path.Combine(RepositoryRoot(), "src", "WebApi", "WebApi.csproj");
        var (exit, log) = await RunAsync("dotnet", ["publish", project, "--configuration", "Release", "--output", output, "-p:UseAppHost=false", "--nologo"],
            workingDirectory: RepositoryRoot(), environment: null, TimeSpan.FromMinutes(8));
        if (exit != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({exit}):\n{log}");
        }

        return output;
    }

    /// <summary>
    /// Starts the published app in Production with a valid signing key, an upload folder and a
    /// SQLite file under <paramref name="root"/> unless <paramref name="settings"/> say otherwise
    /// (a null value removes a setting), waits until it exits or says it listens, and stops it.
    /// </summary>
    public static async Task<(int? ExitCode, string Output)> StartAsync(
        string root, IReadOnlyDictionary<string, string?> settings, TimeSpan timeout, string? workingDirectory = null)
    {
        var folder = await FolderAsync();
        var environment = OperatorEnvironment(root, settings);
        var (exit, output) = await RunAsync("dotnet", [Path.Combine(folder, AssemblyName)], workingDirectory ?? root, environment, timeout,
            stopWhen: line => line.Contains("Now listening on", StringComparison.Ordinal));
        return (exit, output);
    }

    /// <summary>Runs a process to its end (or until <paramref name="stopWhen"/> matches a line, then kills it: exit code null).</summary>
    public static async Task<(int? ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment,
        TimeSpan timeout, Func<string, bool>? stopWhen = null)
    {
        var start = StartInfo(fileName, arguments, workingDirectory, environment);
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (stopWhen?.Invoke(line) == true)
            {
                stop.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        var exited = process.WaitForExitAsync(cancel.Token);
        int? exitCode;
        try
        {
            await Task.WhenAny(exited, stop.Task).WaitAsync(cancel.Token);
            if (exited.IsCompletedSuccessfully)
            {
                await process.WaitForExitAsync(CancellationToken.None); // drains the output
                exitCode = process.ExitCode;
            }
            else
            {
                exitCode = null;
            }
        }
        catch (OperationCanceledException)
        {
            exitCode = null;
            Collect($"[test] still running after {timeout}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        lock (output)
        {
            return (exitCode, output.ToString());
        }
    }

    /// <summary>
    /// A process start with output redirected and nothing of the test run's own settings in its
    /// environment: the app sees what an operator gave it (a null value removes a variable).
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the test run's own settings leaks in: the app sees what an operator gave it.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)
                || key.Contains("__", StringComparison.Ordinal))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return start;
    }

    /// <summary>The environment of the published app started in Production with a valid key and its data under <paramref name="root"/>.</summary>
    public static Dictionary<string, string?> OperatorEnvironment(string root, IReadOnlyDictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Jwt__SigningKey"] = "published-app-tests-signing-key-of-more-than-32-bytes",
            ["Media__UrlSigningKeys__0"] = "published-app-tests-media-url-key-of-more-than-32-bytes",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(root, "personamedia.db")}",
            ["Storage__Local__RootPath"] = Path.Combine(root, "uploads"),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PersonaMedia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PersonaMedia.sln not found above the test assembly.");
    }
}
