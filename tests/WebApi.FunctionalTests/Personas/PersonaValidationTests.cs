using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Personas;

/// <summary>Each persona rule answers 400 naming the JSON field, on create and on update alike.</summary>
public class PersonaValidationTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;

    [SetUp]
    public async Task CreateUser() => _user = await App.CreateUserAsync("validator");

    public static IEnumerable<TestCaseData> BrokenBodies()
    {
        yield return new TestCaseData(new Dictionary<string, object?> { ["description"] = "no name" }, "name").SetName("{m}(name missing)");
        yield return new TestCaseData(new Dictionary<string, object?> { ["name"] = "" }, "name").SetName("{m}(name empty)");
        yield return new TestCaseData(new Dictionary<string, object?> { ["name"] = "   " }, "name").SetName("{m}(name blank)");
        yield return new TestCaseData(new Dictionary<string, object?> { ["name"] = new string('n', 101) }, "name").SetName("{m}(name 101)");
        yield return new TestCaseData(new Dictionary<string, object?> { ["name"] = "P", ["description"] = new string('d', 2001) }, "description").SetName("{m}(description 2001)");
        yield return new TestCaseData(new Dictionary<string, object?> { ["name"] = "P", ["relation_type"] = new string('r', 51) }, "relation_type").SetName("{m}(relation_type 51)");
        yield return new TestCaseData(new Dictionary<string, object?> { ["name"] = 42 }, "name").SetName("{m}(name not a string)");
    }

    public static IEnumerable<TestCaseData> LongestAccepted()
    {
        yield return new TestCaseData(new Dictionary<string, object?>
        {
            ["name"] = new string('n', 100), ["description"] = new string('d', 2000), ["relation_type"] = new string('r', 50),
        });
    }

    [TestCaseSource(nameof(BrokenBodies))]
    public async Task Create_refuses(Dictionary<string, object?> body, string field)
    {
        var response = await _user.Http.PostAsJsonAsync("/personas/", body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.That(await App.QueryAsync(db => db.Personas.CountAsync()), Is.Zero);
    }

    [TestCaseSource(nameof(BrokenBodies))]
    public async Task Update_refuses(Dictionary<string, object?> body, string field)
    {
        var id = await _user.CreatePersonaAsync("Unchanged");

        var response = await _user.Http.PutAsJsonAsync($"/personas/{id}", body);

        await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.That(await App.QueryAsync(db => db.Personas.Select(p => p.Name).SingleAsync()), Is.EqualTo("Unchanged"));
    }

    [TestCaseSource(nameof(LongestAccepted))]
    public async Task Create_and_update_accept_every_field_at_its_limit(Dictionary<string, object?> body)
    {
        var created = await Json.ReadAsync(await _user.Http.PostAsJsonAsync("/personas/", body));
        var id = created.GetProperty("id").GetInt32();

        var updated = await Json.ReadAsync(await _user.Http.PutAsJsonAsync($"/personas/{id}", body));

        Assert.Multiple(() =>
        {
            Assert.That(updated.GetProperty("name").GetString(), Has.Length.EqualTo(100));
            Assert.That(updated.GetProperty("description").GetString(), Has.Length.EqualTo(2000));
            Assert.That(updated.GetProperty("relation_type").GetString(), Has.Length.EqualTo(50));
        });
    }

    [Test]
    public async Task Every_broken_field_is_named_in_one_answer()
    {
        var response = await _user.Http.PostAsJsonAsync("/personas/", new
        {
            name = "", description = new string('d', 2001), relation_type = new string('r', 51),
        });

        var problem = await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(["name", "description", "relation_type"]));
    }
}
