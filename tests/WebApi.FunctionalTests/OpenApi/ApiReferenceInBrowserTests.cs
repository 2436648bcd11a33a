using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.OpenApi;

/// <summary>
/// The interactive reference (Scalar at <c>/scalar</c>, Development only) as a front-end developer
/// uses it, in headless Chromium: it names the API, shows an upload's multipart body and a curl with
/// its <c>file</c> field, has the bearer scheme selected, and its "Test Request" uploads a chosen
/// file with a pasted token. No request leaves loopback (no fonts or telemetry from outside).
/// </summary>
[NonParallelizable]
[Category("Browser")]
public sealed class ApiReferenceInBrowserTests
{
    private const string Upload = "v1/tag/media/POST/upload/persona/{persona_id}/image";

    private readonly ConcurrentQueue<string> _outside = new();
    private string? _unavailable;
    private string _folder = null!;
    private TestApp _app = null!;
    private string _base = null!;
    private UserClient _user = null!;
    private int _personaId;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task StartEverything()
    {
        _folder = Directory.CreateTempSubdirectory("personamedia-reference-").FullName;
        // In Development, where the reference is mapped.
        _app = new TestApp(new Dictionary<string, string?> { ["environment"] = "Development" });
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _user = await _app.CreateUserAsync();
        _personaId = await _user.CreatePersonaAsync();
        try
        {
            await BrowserTools.FfmpegAsync(Path.Combine(_folder, "photo.jpg"), "-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1");
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
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [SetUp]
    public async Task OpenTheReference()
    {
        if (_unavailable is not null)
        {
            BrowserTools.Unavailable(_unavailable);
        }

        _outside.Clear();
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        _context.SetDefaultTimeout(30_000);
        // Offline here, and a developer's network is none of the page's business: every request
        // to a host other than the service is recorded and refused.
        await _context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host != "127.0.0.1")
            {
                _outside.Enqueue(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        _page = await _context.NewPageAsync();
        await _page.GotoAsync($"{_base}/scalar/#tag/media/POST/upload/persona/{{persona_id}}/image", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(_page.Locator($"[id=\"{Upload}\"]")).ToBeVisibleAsync();
    }

    [TearDown]
    public async Task ClosePage()
    {
        if (_unavailable is null)
        {
            await _context.CloseAsync();
        }
    }

    [Test]
    public async Task The_page_names_the_API_has_the_bearer_scheme_selected_and_asks_nothing_of_another_host()
    {
        Assert.That(await _page.TitleAsync(), Is.EqualTo("PersonaMedia API reference"));
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "PersonaMedia API", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(_page.GetByText("The media service of the persona platform").First).ToBeVisibleAsync();
        var authentication = await _page.Locator("body").InnerTextAsync();
        Assert.That(authentication, Does.Not.Contain("No authentication selected"), "the bearer scheme is preselected");
        await Assertions.Expect(_page.GetByPlaceholder("Token").First).ToBeVisibleAsync();

        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.That(_outside, Is.Empty, "requests to other hosts (fonts, telemetry, a CDN)");
    }

    [Test]
    public async Task The_upload_shows_its_multipart_body_and_a_curl_with_the_file_field()
    {
        var operation = _page.Locator($"[id=\"{Upload}\"]");
        var text = await operation.InnerTextAsync();
        Assert.That(text, Does.Contain("multipart/form-data").And.Contain("UploadForm"), text);
        Assert.That(text, Does.Match(@"\bfile\s+Type:\s*string\s+Format:\s*binary\s+required"), text);
        Assert.That(text, Does.Match(@"\bdescription\s+Type:\s*string\s+max length:\s*1000"), text);

        // Scalar writes curl's long options: --form is -F. The part must not declare a list of types.
        Assert.That(text, Does.Contain("--form 'file=@filename'").And.Contain("--form 'description='"), text);
        Assert.That(text, Does.Not.Contain("type=image/jpeg,"), "a curl copied from the page sends a usable part Content-Type");
    }

    [Test]
    public async Task Test_request_uploads_a_chosen_file_with_the_pasted_token()
    {
        await _page.Locator($"[id=\"{Upload}\"]").GetByRole(AriaRole.Button, new() { NameRegex = new("Test Request") }).First.ClickAsync();
        var client = _page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(client.GetByText("Selected Auth Type: Bearer")).ToBeVisibleAsync();
        await client.GetByPlaceholder("Token").FillAsync(_user.Token);
        await client.Locator("tr", new() { HasText = "persona_id" }).First.Locator("[contenteditable=\"true\"]").Last.ClickAsync();
        await _page.Keyboard.TypeAsync(_personaId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var chooser = await _page.RunAndWaitForFileChooserAsync(() =>
            client.Locator("tr", new() { HasText = "@filename" }).First.GetByText("Select File").First.ClickAsync());
        await chooser.SetFilesAsync(Path.Combine(_folder, "photo.jpg"));

        var response = await _page.RunAndWaitForResponseAsync(
            () => client.GetByRole(AriaRole.Button, new() { NameRegex = new("^Send") }).First.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith($"/upload/persona/{_personaId}/image", StringComparison.Ordinal));

        Assert.That(response.Status, Is.EqualTo(200), await response.TextAsync());
        Assert.That(response.Request.Headers["authorization"], Is.EqualTo($"Bearer {_user.Token}"));
        await Assertions.Expect(client.GetByText("\"original_filename\": \"photo.jpg\"")).ToBeVisibleAsync();
        var stored = await _app.QueryAsync(db => db.MediaFiles.Where(f => f.PersonaId == _personaId).Select(f => new { f.OriginalFileName, f.Sha256 }).ToListAsync());
        Assert.That(stored.Select(f => f.OriginalFileName), Is.EqualTo(new[] { "photo.jpg" }));
        // What is stored is the photo without its metadata (privacy by default); what was sent is the chosen file.
        // its header still says 320x240, as ffmpeg made it.
        var media = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.That((media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()), Is.EqualTo((320, 240)), media.ToString());
        Assert.That(stored[0].Sha256, Is.EqualTo(media.GetProperty("sha256").GetString()));
        Assert.That(_outside, Is.Empty, "the request went to the service itself, through no proxy");
    }
}
