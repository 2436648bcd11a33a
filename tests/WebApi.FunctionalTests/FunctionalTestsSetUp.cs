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

    /// <summary>The environment decides the app's database settings and its file store.</summary>
    private static async Task<TestApp> StartAppAsync(TestEnvironment environment)
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
        var app = new TestApp(database, storage);
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
