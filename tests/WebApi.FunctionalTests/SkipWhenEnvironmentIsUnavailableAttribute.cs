using NUnit.Framework.Interfaces;

namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// Skips each test of a fixture whose environment could not start, before its set-up runs, with the
/// reason the environment gave (for example "Docker is not available: ..."), so the test run shows
/// that reason verbatim and counts the tests as skipped, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class SkipWhenEnvironmentIsUnavailableAttribute : Attribute, ITestAction
{
    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test)
    {
        if (test.Fixture is FunctionalTestBase { UnavailableReason: { } reason })
        {
            Assert.Ignore(reason);
        }
    }

    public void AfterTest(ITest test)
    {
    }
}
