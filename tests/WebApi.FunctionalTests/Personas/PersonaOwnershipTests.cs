using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Personas;

/// <summary>Another user's persona does not exist for the caller: 404, never 403, and never touched.</summary>
public class PersonaOwnershipTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _owner = null!;
    private UserClient _stranger = null!;
    private int _personaId;

    [SetUp]
    public async Task CreateUsers()
    {
        _owner = await App.CreateUserAsync("owner");
        _stranger = await App.CreateUserAsync("stranger");
        _personaId = await _owner.CreatePersonaAsync("Private");
    }

    [Test]
    public async Task Get_of_another_users_persona_is_404_like_a_missing_one()
    {
        var foreign = await ProblemAssert.IsProblemAsync(await _stranger.Http.GetAsync($"/personas/{_personaId}"), HttpStatusCode.NotFound);
        var missing = await ProblemAssert.IsProblemAsync(await _stranger.Http.GetAsync("/personas/987654"), HttpStatusCode.NotFound);

        Assert.That(ProblemAssert.Detail(foreign), Is.EqualTo(ProblemAssert.Detail(missing)));
    }

    [Test]
    public async Task Update_of_another_users_persona_is_404_and_changes_nothing()
    {
        var response = await _stranger.Http.PutAsJsonAsync($"/personas/{_personaId}", new { name = "Hijacked" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        var persona = await App.QueryAsync(db => db.Personas.SingleAsync(p => p.Id == _personaId));
        Assert.Multiple(() =>
        {
            Assert.That(persona.Name, Is.EqualTo("Private"));
            Assert.That(persona.UserId, Is.EqualTo(_owner.Id));
        });
    }

    [Test]
    public async Task Delete_of_another_users_persona_is_404_and_keeps_it()
    {
        var response = await _stranger.Http.DeleteAsync($"/personas/{_personaId}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(await App.QueryAsync(db => db.Personas.AnyAsync(p => p.Id == _personaId)), Is.True);
        Assert.That((await _owner.Http.GetAsync($"/personas/{_personaId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task List_shows_only_the_callers_own_personas()
    {
        var strangersOwn = await _stranger.CreatePersonaAsync("Mine");

        var list = await Json.ReadAsync(await _stranger.Http.GetAsync("/personas/"));

        Assert.That(list.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()), Is.EqualTo(new[] { strangersOwn }));
    }
}
