namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// Base of every functional test: one app for the whole run (see <see cref="FunctionalTestsSetUp"/>),
/// emptied before each test.
/// </summary>
public abstract class FunctionalTestBase
{
    protected static TestApp App => FunctionalTestsSetUp.App;

    [SetUp]
    public Task ResetState() => App.ResetAsync();
}
