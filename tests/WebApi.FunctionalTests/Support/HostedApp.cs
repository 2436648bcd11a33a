using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>
/// The service started the way an operator would start it: in a chosen environment, with its
/// content root (and so <c>data/</c>, <c>uploads/</c> and the SQLite file) in a folder of the test's
/// own, and with nothing configured but the given settings. For start-up rules such as the
/// signing-key checks, which <see cref="TestApp"/> (fixed key, Testing environment) cannot show.
/// </summary>
public sealed class HostedApp(string environment, string contentRoot, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string ContentRoot { get; } = contentRoot;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseContentRoot(ContentRoot);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the app and returns why it refused to start, or null when it started.</summary>
    public Exception? TryStart()
    {
        try
        {
            _ = Server;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
