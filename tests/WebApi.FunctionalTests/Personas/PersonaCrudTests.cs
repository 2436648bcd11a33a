using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Personas;

public class PersonaCrudTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private static readonly string[] PersonaMembers = ["id", "user_id", "name", "description", "relation_type", "created_at", "updated_at"];

    private UserClient _user = null!;

    [SetUp]
    public async Task CreateUser() => _user = await App.CreateUserAsync("owner");

    private async Task<JsonElement> CreateAsync(object body) =>
        await Json.ReadAsync(await _user.Http.PostAsJsonAsync("/personas/", body));

    [Test]
    public async Task Create_answers_200_with_the_full_persona()
    {
        var response = await _user.Http.PostAsJsonAsync("/personas/", new { name = "Grandma", description = "Loves gardening", relation_type = "family" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var persona = await Json.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(Json.Names(persona), Is.SupersetOf(PersonaMembers));
            Assert.That(persona.GetProperty("id").GetInt32(), Is.Positive);
            Assert.That(persona.GetProperty("user_id").GetInt32(), Is.EqualTo(_user.Id));
            Assert.That(persona.GetProperty("name").GetString(), Is.EqualTo("Grandma"));
            Assert.That(persona.GetProperty("description").GetString(), Is.EqualTo("Loves gardening"));
            Assert.That(persona.GetProperty("relation_type").GetString(), Is.EqualTo("family"));
            Assert.That(Json.UtcTime(persona, "created_at"), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(Json.UtcTime(persona, "updated_at"), Is.EqualTo(Json.UtcTime(persona, "created_at")));
        });
    }

    [Test]
    public async Task Optional_fields_left_out_come_back_as_null()
    {
        var persona = await CreateAsync(new { name = "Just a name" });

        Assert.Multiple(() =>
        {
            Assert.That(persona.GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(persona.GetProperty("relation_type").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Server_owned_fields_sent_in_the_body_are_ignored()
    {
        var other = await App.CreateUserAsync("other");

        var persona = await CreateAsync(new
        {
            id = 9999, user_id = other.Id, name = "Sneaky", created_at = "2000-01-01T00:00:00Z", updated_at = "2000-01-01T00:00:00Z",
        });

        Assert.Multiple(() =>
        {
            Assert.That(persona.GetProperty("id").GetInt32(), Is.Not.EqualTo(9999));
            Assert.That(persona.GetProperty("user_id").GetInt32(), Is.EqualTo(_user.Id));
            Assert.That(Json.UtcTime(persona, "created_at").Year, Is.Not.EqualTo(2000));
            Assert.That(Json.UtcTime(persona, "updated_at").Year, Is.Not.EqualTo(2000));
        });
        Assert.That(await App.QueryAsync(db => db.Personas.CountAsync(p => p.UserId == other.Id)), Is.Zero);
    }

    [Test]
    public async Task List_returns_the_callers_personas_as_an_array_oldest_first()
    {
        var first = await CreateAsync(new { name = "First" });
        var second = await CreateAsync(new { name = "Second" });

        var list = await Json.ReadAsync(await _user.Http.GetAsync("/personas/"));

        Assert.That(list.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(list.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()),
            Is.EqualTo(new[] { first.GetProperty("id").GetInt32(), second.GetProperty("id").GetInt32() }));
        Assert.That(Json.Names(list[0]), Is.SupersetOf(PersonaMembers));
    }

    [TestCase("/personas")]
    [TestCase("/personas/")]
    public async Task The_collection_answers_with_and_without_the_trailing_slash(string path)
    {
        await _user.CreatePersonaAsync("Either way");

        var list = await Json.ReadAsync(await _user.Http.GetAsync(path));

        Assert.That(list.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task List_without_personas_is_an_empty_array()
    {
        var list = await Json.ReadAsync(await _user.Http.GetAsync("/personas/"));

        Assert.That(list.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Get_returns_what_create_returned()
    {
        var created = await CreateAsync(new { name = "Uncle", description = "Tall", relation_type = "family" });

        var fetched = await Json.ReadAsync(await _user.Http.GetAsync($"/personas/{created.GetProperty("id").GetInt32()}"));

        Assert.That(fetched.GetRawText(), Is.EqualTo(created.GetRawText()));
    }

    [Test]
    public async Task Update_replaces_the_fields_advances_updated_at_and_keeps_the_rest()
    {
        var created = await CreateAsync(new { name = "Old", description = "old", relation_type = "friend" });
        var id = created.GetProperty("id").GetInt32();
        await Task.Delay(20);

        var updated = await Json.ReadAsync(await _user.Http.PutAsJsonAsync($"/personas/{id}", new
        {
            id = id + 1000, user_id = 4242, name = "New", description = (string?)null, relation_type = "colleague",
            created_at = "2000-01-01T00:00:00Z",
        }));

        Assert.Multiple(() =>
        {
            Assert.That(updated.GetProperty("id").GetInt32(), Is.EqualTo(id));
            Assert.That(updated.GetProperty("user_id").GetInt32(), Is.EqualTo(_user.Id));
            Assert.That(updated.GetProperty("name").GetString(), Is.EqualTo("New"));
            Assert.That(updated.GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(updated.GetProperty("relation_type").GetString(), Is.EqualTo("colleague"));
            Assert.That(Json.UtcTime(updated, "created_at"), Is.EqualTo(Json.UtcTime(created, "created_at")));
            Assert.That(Json.UtcTime(updated, "updated_at"), Is.GreaterThan(Json.UtcTime(created, "updated_at")));
        });
        var fetched = await Json.ReadAsync(await _user.Http.GetAsync($"/personas/{id}"));
        Assert.That(fetched.GetRawText(), Is.EqualTo(updated.GetRawText()));
    }

    [Test]
    public async Task Delete_answers_200_with_a_detail_and_the_persona_is_gone()
    {
        var id = await _user.CreatePersonaAsync("Doomed");
        var kept = await _user.CreatePersonaAsync("Kept");

        var response = await _user.Http.DeleteAsync($"/personas/{id}");

        var body = await Json.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Persona deleted"));
        });
        await ProblemAssert.IsProblemAsync(await _user.Http.GetAsync($"/personas/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _user.Http.DeleteAsync($"/personas/{id}"), HttpStatusCode.NotFound);
        Assert.That(await App.QueryAsync(db => db.Personas.Select(p => p.Id).ToListAsync()), Is.EqualTo(new[] { kept }));
    }

    [Test]
    public async Task Ids_are_not_reused_after_a_delete()
    {
        var first = await _user.CreatePersonaAsync("First");
        await _user.Http.DeleteAsync($"/personas/{first}");

        var second = await _user.CreatePersonaAsync("Second");

        Assert.That(second, Is.GreaterThan(first));
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task An_id_that_does_not_exist_is_404(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/personas/987654")
        {
            Content = method == "PUT" ? JsonContent.Create(new { name = "Nobody" }) : null,
        };

        var problem = await ProblemAssert.IsProblemAsync(await _user.Http.SendAsync(request), HttpStatusCode.NotFound);

        Assert.That(ProblemAssert.Detail(problem), Is.EqualTo("Persona not found"));
    }
}
