using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>A signed-in user with a persona that already holds one file, ready for uploads.</summary>
public abstract class UploadTestBase(TestEnvironment environment) : FunctionalTestBase(environment)
{
    protected UserClient User { get; private set; } = null!;

    protected int PersonaId { get; private set; }

    [SetUp]
    public async Task CreateUserWithPersona()
    {
        User = await App.CreateUserAsync();
        PersonaId = await User.CreatePersonaAsync();
        await User.UploadImageAsync(PersonaId, Payloads.Jpeg(), "existing.jpg").UploadOkAsync();
    }

    /// <summary>
    /// Sends a request that must be refused, and checks it left nothing behind: the same stored
    /// files (no bytes, no temporary file) and the same rows as before.
    /// </summary>
    protected async Task<HttpResponseMessage> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var filesBefore = await App.Storage.ListKeysAsync();
        var rowsBefore = await App.QueryAsync(db => db.MediaFiles.CountAsync());

        var response = await send();

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        Assert.That(await App.Storage.ListKeysAsync(), Is.EqualTo(filesBefore), "stored files after a refused upload");
        Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync()), Is.EqualTo(rowsBefore), "rows after a refused upload");
        return response;
    }
}
