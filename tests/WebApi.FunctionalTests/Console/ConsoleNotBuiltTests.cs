using System.Net;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Console;

/// <summary>
/// The test host's folder holds no console build (the WebApi build copies it beside its own assembly
/// only): /console then answers a 404 problem that says why, like any unknown path, never a 500.
/// The console as served is tested in Chromium by clients/console's own tests.
/// </summary>
public class ConsoleNotBuiltTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [TestCase("/console")]
    [TestCase("/console/")]
    [TestCase("/console/assets/index.js")]
    public async Task Without_a_build_the_console_is_a_404_problem_that_says_so(string path)
    {
        var response = await App.CreateClient().GetAsync(path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("console is not part of this build"));
    }
}
