using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.OpenApi;

/// <summary>
/// The contract as the front-end teams get it: the served document is the committed
/// <c>docs/openapi/v1.json</c> (so a change of it is a reviewed diff), Redocly CLI finds no error in
/// it, and a client generated from it by openapi-typescript compiles with <c>tsc --strict</c> and
/// runs against the service. The Node tools come from <c>tools/openapi</c>, which scripts/test.sh
/// installs; run alone without them, the tool tests are skipped.
/// </summary>
[NonParallelizable]
public sealed class CommittedContractTests
{
    /// <summary>Set to 1 to write the served document over the committed copy (then review the diff).</summary>
    public const string UpdateVariable = "PERSONAMEDIA_UPDATE_OPENAPI";

    private static readonly string Root = PublishedApp.RepositoryRoot();
    private static readonly string Committed = Path.Combine(Root, "docs", "openapi", "v1.json");
    private static readonly string Tools = Path.Combine(Root, "tools", "openapi");

    [Test]
    public async Task The_served_document_is_the_committed_copy()
    {
        await using var app = new TestApp();
        var served = Normalise(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(Committed, served);
        }

        var received = Path.Combine(Path.GetTempPath(), "personamedia-openapi-v1.received.json");
        var committed = File.Exists(Committed) ? await File.ReadAllTextAsync(Committed) : string.Empty;
        if (committed != served)
        {
            await File.WriteAllTextAsync(received, served);
        }

        Assert.That(committed, Is.EqualTo(served),
            $"The contract changed. Review it with `diff {Committed} {received}`; accept it with "
            + $"`{UpdateVariable}=1 dotnet test --project tests/WebApi.FunctionalTests --filter FullyQualifiedName~CommittedContractTests` and commit docs/openapi/v1.json.");
    }

    [Test]
    public async Task Redocly_finds_no_error_in_the_committed_copy()
    {
        var redocly = Tool("redocly");

        var (exit, output) = await PublishedApp.RunAsync(
            redocly, ["lint", Committed, "--format=stylish"], Tools, environment: null, TimeSpan.FromMinutes(2));

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("Your API description is valid"), output);
    }

    [Test]
    public async Task A_client_generated_by_openapi_typescript_compiles_strictly_and_runs_against_the_service()
    {
        var tsc = Tool("tsc");
        var sample = Path.Combine(Tools, "sample");
        var source = string.Join('\n', (await File.ReadAllLinesAsync(Path.Combine(sample, "sample.ts")))
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        Assert.That(source, Does.Not.Match(@"\bany\b|\bas\s+[A-Za-z{(]|<[A-Za-z]+>\s*\w+\s*\)|!\."), "the sample uses no any, no cast and no non-null assertion");

        // Inside tools/openapi, so that node finds its node_modules (openapi-fetch) from the copy.
        var work = Path.Combine(Tools, ".work", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            foreach (var file in new[] { "sample.ts", "tsconfig.json", "package.json" })
            {
                File.Copy(Path.Combine(sample, file), Path.Combine(work, file));
            }

            await RunOkAsync("node", [Path.Combine(Tools, "generate.mjs"), Committed, Path.Combine(work, "api.d.ts")], work);
            await RunOkAsync(tsc, ["-p", work], work);

            await using var app = new TestApp();
            app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            var output = await RunOkAsync("node", [Path.Combine(work, "out", "sample.js")], work,
                new Dictionary<string, string?> { ["BASE_URL"] = address.TrimEnd('/') });
            Assert.That(output, Does.Contain("ok: persona").And.Contain("404 \"File not found\""));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Indented, with the document's own text kept as is (no \u escapes), and one final newline.</summary>
    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";

    private static string Tool(string name)
    {
        var path = Path.Combine(Tools, "node_modules", ".bin", name);
        if (!File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable("PERSONAMEDIA_TEST_REQUIRE_OPENAPI_TOOLS") == "1")
            {
                Assert.Fail($"{path} is missing although scripts/test.sh installs tools/openapi.");
            }

            Assert.Ignore($"tools/openapi is not installed (scripts/test.sh installs it; or `npm ci --prefix tools/openapi`).");
        }

        return path;
    }

    private static async Task<string> RunOkAsync(
        string fileName, string[] arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (exit, output) = await PublishedApp.RunAsync(fileName, arguments, workingDirectory, environment, TimeSpan.FromMinutes(3));
        Assert.That(exit, Is.Zero, $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)}:\n{output}");
        return output;
    }
}
