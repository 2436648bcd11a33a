using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.WebApi.FunctionalTests.Health;

public class ReadinessTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    [Test]
    public async Task Ready_checks_the_database_and_the_configured_file_store()
    {
        var response = await App.CreateClient().GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("checks").GetProperty("database").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("checks").GetProperty("file-store").GetString(), Is.EqualTo("healthy"));
        }
    }

    [Test]
    public async Task The_app_runs_on_the_store_its_environment_names_and_created_its_home_at_start()
    {
        var store = App.Services.GetRequiredService<IFileStore>();

        // Behind the timing and, for a remote store, the deadline decorators.
        var unwrapped = store is PersonaMedia.Infrastructure.Telemetry.InstrumentedFileStore timed ? timed.Inner : store;
        unwrapped = unwrapped is PersonaMedia.Infrastructure.Files.DeadlineFileStore deadline ? deadline.Inner : unwrapped;
        Assert.That(unwrapped.GetType().Name, Is.EqualTo($"{Environment.StorageProvider}FileStore"));
        // Listing needs the folder or blob container to exist: the app made it when it started.
        Assert.That(await App.Storage.ListKeysAsync(), Is.Empty);
    }
}
