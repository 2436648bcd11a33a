namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// Starts one app per <see cref="TestEnvironment"/> the first time a fixture asks for it, and
/// stops them all when the run ends.
/// </summary>
[SetUpFixture]
public sealed class FunctionalTestsSetUp
{
    private static readonly Dictionary<TestEnvironment, TestApp> Apps = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The app of the environment; calls <c>Assert.Ignore</c> with the reason when it cannot run here.</summary>
    public static async Task<TestApp> GetAppAsync(TestEnvironment environment)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Apps.TryGetValue(environment, out var app))
            {
                app = await StartAppAsync(environment);
                Apps[environment] = app;
            }

            return app;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A started app of the environment's own, with <paramref name="settings"/> over the usual ones, for
    /// a fixture that needs settings the shared app must not have; the caller disposes it.
    /// </summary>
    public static Task<TestApp> StartOwnAppAsync(TestEnvironment environment, IReadOnlyDictionary<string, string?> settings) =>
        StartAppAsync(environment, settings);

    /// <summary>The environment decides the app's database settings and its file store.</summary>
    private static async Task<TestApp> StartAppAsync(TestEnvironment environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = environment.DatabaseProvider switch
        {
            "Sqlite" => null, // a SQLite file in the app's own folder
            "SqlServer" => await TestSqlServer.CreateDatabaseSettingsAsync(),
            _ => throw new NotSupportedException($"No test database for {environment}."),
        };
        var storage = environment.StorageProvider switch
        {
            "Local" => (ITestStorage?)null, // a folder in the app's own folder
            "AzureBlob" => AzureTestStorage.Create(),
            _ => throw new NotSupportedException($"No test storage for {environment}."),
        };
        var app = new TestApp(settings is null ? database : (database ?? new Dictionary<string, string?>()).Concat(settings)
            .ToDictionary(s => s.Key, s => s.Value), storage);
        _ = app.Server; // starts the host, which applies the migrations
        return app;
    }

    [OneTimeTearDown]
    public async Task StopApps()
    {
        foreach (var app in Apps.Values)
        {
            await app.DisposeAsync();
        }

        Apps.Clear();
        await TestSqlServer.StopAsync();
    }
}
