namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// Base of every functional fixture: the fixture runs once per <see cref="TestEnvironment"/>,
/// against that environment's app, emptied before each test. Derived fixtures pass the
/// environment through: <c>public class XTests(TestEnvironment environment) : FunctionalTestBase(environment)</c>.
/// </summary>
[TestFixtureSource(typeof(TestEnvironment), nameof(TestEnvironment.All))]
public abstract class FunctionalTestBase(TestEnvironment environment)
{
    private TestApp? _app;

    protected TestEnvironment Environment { get; } = environment;

    protected TestApp App => _app ?? throw new InvalidOperationException("The fixture's app has not been started.");

    [OneTimeSetUp]
    public async Task StartApp() => _app = await FunctionalTestsSetUp.GetAppAsync(Environment);

    [SetUp]
    public Task ResetState() => App.ResetAsync();
}
