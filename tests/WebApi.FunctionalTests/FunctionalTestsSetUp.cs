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
                app = StartApp(environment);
                Apps[environment] = app;
            }

            return app;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static TestApp StartApp(TestEnvironment environment)
    {
        var app = environment == TestEnvironment.SqliteLocal
            ? new TestApp()
            : environment == TestEnvironment.SqliteAzureBlob
            ? new TestApp(storage: AzureTestStorage.Create())
            : throw new NotSupportedException($"No test app for {environment}.");
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
    }
}
