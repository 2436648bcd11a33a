using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>
/// A front-end's web server, apart from the API: Kestrel on two loopback ports, serving the pages
/// a test puts here. Reached as <c>localhost</c>, each port is another origin of the same site as
/// an API on <c>http://localhost</c>; reached as <c>127.0.0.1</c>, it is another site (Chromium
/// never counts an IP address as same-site with anything but itself, even with its own port).
/// </summary>
public sealed class FrontEndServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _pages = new(StringComparer.Ordinal);

    private FrontEndServer(WebApplication app) => _app = app;

    /// <summary>The origin the API lists in <c>Cors:AllowedOrigins</c>.</summary>
    public Uri AllowedOrigin { get; private set; } = null!;

    /// <summary>An origin of the same site that the API does not list.</summary>
    public Uri OtherOrigin { get; private set; } = null!;

    /// <summary>The allowed origin's port on another site.</summary>
    public Uri OtherSite { get; private set; } = null!;

    public static async Task<FrontEndServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var server = new FrontEndServer(app);
        app.MapGet("/{name}", (string name) => server._pages.TryGetValue(name, out var html)
            ? Results.Content(html, "text/html; charset=utf-8")
            : Results.NotFound());
        await app.StartAsync();
        var ports = app.Urls.Select(url => new Uri(url).Port).Order().ToArray();
        server.AllowedOrigin = new Uri($"http://localhost:{ports[0]}/");
        server.OtherOrigin = new Uri($"http://localhost:{ports[1]}/");
        server.OtherSite = new Uri($"http://127.0.0.1:{ports[0]}/");
        return server;
    }

    /// <summary>Serves <paramref name="html"/> at a new path of each origin; returns that path.</summary>
    public string AddPage(string html)
    {
        var name = Guid.NewGuid().ToString("N") + ".html";
        _pages[name] = html;
        return "/" + name;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
