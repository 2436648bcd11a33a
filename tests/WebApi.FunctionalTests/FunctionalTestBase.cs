namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// Base of every functional fixture: the fixture runs once per <see cref="TestEnvironment"/>,
/// against that environment's app, emptied before each test. Derived fixtures pass the
/// environment through: <c>public class XTests(TestEnvironment environment) : FunctionalTestBase(environment)</c>.
/// </summary>
[SkipWhenEnvironmentIsUnavailable]
[TestFixtureSource(typeof(TestEnvironment), nameof(TestEnvironment.Fixtures))]
public abstract class FunctionalTestBase(TestEnvironment environment)
{
    private TestApp? _app;

    protected TestEnvironment Environment { get; } = environment;

    protected TestApp App => _app ?? throw new InvalidOperationException("The fixture's app has not been started.");

    /// <summary>Why this environment cannot run here (say, no Docker engine); null when its app runs.</summary>
    internal string? UnavailableReason { get; private set; }

    [OneTimeSetUp]
    public async Task StartApp()
    {
        try
        {
            _app = await FunctionalTestsSetUp.GetAppAsync(Environment);
        }
        catch (IgnoreException unavailable)
        {
            // Left to fail here, NUnit 5 would report each test as skipped because of
            // "OneTimeSetUp: SetUp : <reason>"; each test reports the plain reason instead.
            UnavailableReason = $"{unavailable.Message} [{Environment}]";
        }
    }

    [SetUp]
    public Task ResetState() => App.ResetAsync();
}
