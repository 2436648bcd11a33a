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

    /// <summary>
    /// Settings this fixture's app needs that the environment's shared app must not have (a small
    /// quota, tight rate limits); when not null the fixture gets an app of its own, stopped after it.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?>? OwnAppSettings => null;

    /// <summary>Why this environment cannot run here (say, no Docker engine); null when its app runs.</summary>
    internal string? UnavailableReason { get; private set; }

    [OneTimeSetUp]
    public async Task StartApp()
    {
        try
        {
            _app = OwnAppSettings is { } settings
                ? await FunctionalTestsSetUp.StartOwnAppAsync(Environment, settings)
                : await FunctionalTestsSetUp.GetAppAsync(Environment);
        }
        catch (IgnoreException unavailable)
        {
            // Left to fail here, NUnit 5 would report each test as skipped because of
            // "OneTimeSetUp: SetUp : <reason>"; each test reports the plain reason instead.
            UnavailableReason = $"{unavailable.Message} [{Environment}]";
        }
    }

    [OneTimeTearDown]
    public async Task StopOwnApp()
    {
        if (OwnAppSettings is not null && _app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [SetUp]
    public Task ResetState() => App.ResetAsync();
}
