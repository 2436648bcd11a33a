namespace PersonaMedia.WebApi.FunctionalTests;

[SetUpFixture]
public sealed class FunctionalTestsSetUp
{
    private static TestApp? _app;

    public static TestApp App => _app ?? throw new InvalidOperationException("The test app has not been started.");

    [OneTimeSetUp]
    public void StartApp()
    {
        _app = new TestApp();
        _ = _app.Server; // starts the host and applies migrations
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
