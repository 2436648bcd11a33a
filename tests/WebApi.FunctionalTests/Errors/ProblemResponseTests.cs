using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Personas;
using PersonaMedia.Domain.Personas;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Errors;

/// <summary>Whatever goes wrong, the answer is problem+json with a detail, never an empty or HTML body.</summary>
public class ProblemResponseTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private UserClient _user = null!;

    [SetUp]
    public async Task CreateUser() => _user = await App.CreateUserAsync("errors");

    [TestCase("/personas/", "{\"name\": ")]
    [TestCase("/personas/", "{name: 'single quotes'}")]
    [TestCase("/auth/register", "{\"email\": \"a@example.com\",")]
    [TestCase("/auth/login", "not json at all")]
    public async Task Malformed_json_is_400_without_serializer_internals(string path, string body)
    {
        var response = await Json.SendRawAsync(_user.Http, HttpMethod.Post, path, body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("errors").EnumerateObject().Count(), Is.Positive);
            Assert.That(problem.GetRawText(), Does.Not.Contain("System.Text.Json").And.Not.Contain("LineNumber").And.Not.Contain("BytePosition"));
        });
    }

    [TestCase("[]")]
    [TestCase("\"a string\"")]
    [TestCase("42")]
    [TestCase("null")]
    public async Task A_json_body_that_is_not_an_object_is_400(string body)
    {
        var response = await Json.SendRawAsync(_user.Http, HttpMethod.Post, "/personas/", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(await App.QueryAsync(db => db.Personas.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var response = await Json.SendRawAsync(_user.Http, HttpMethod.Post, "/personas/", "{\"name\": \"P\", \"relation_type\": {\"nested\": true}}");

        await ProblemAssert.IsValidationProblemAsync(response, "relation_type");
    }

    [TestCase("/personas/")]
    [TestCase("/auth/register")]
    public async Task Empty_body_is_400_naming_the_body(string path)
    {
        var response = await Json.SendRawAsync(_user.Http, HttpMethod.Post, path, string.Empty);

        await ProblemAssert.IsValidationProblemAsync(response, "body");
    }

    [TestCase("/personas/", "text/plain")]
    [TestCase("/personas/", "application/x-www-form-urlencoded")]
    [TestCase("/auth/login", "application/xml")]
    public async Task Wrong_content_type_is_415(string path, string contentType)
    {
        var response = await Json.SendRawAsync(_user.Http, HttpMethod.Post, path, "name=P", contentType);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [TestCase("POST", "/personas/")]
    [TestCase("PUT", "/personas/1")]
    [TestCase("POST", "/auth/login")]
    public async Task A_json_endpoint_called_without_a_content_type_is_415_problem_json(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent("{\"name\":\"P\"}"u8.ToArray()) };

        var response = await _user.Http.SendAsync(request);

        Assert.That(request.Content.Headers.ContentType, Is.Null);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [TestCase("/no-such-route")]
    [TestCase("/personas/not-a-number")]
    [TestCase("/auth/me/extra")]
    public async Task Unknown_route_is_404(string path)
    {
        await ProblemAssert.IsProblemAsync(await _user.Http.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await App.CreateClient().GetAsync(path), HttpStatusCode.NotFound);
    }

    [TestCase("PATCH", "/personas/1")]
    [TestCase("DELETE", "/auth/login")]
    [TestCase("GET", "/auth/register")]
    [TestCase("POST", "/health")]
    public async Task Wrong_method_is_405(string method, string path)
    {
        var response = await _user.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Test]
    public async Task An_unexpected_failure_is_500_without_internals()
    {
        await using var failing = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPersonaRepository, FailingPersonaRepository>()));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(_user));

        var response = await client.GetAsync("/personas/");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Multiple(() =>
        {
            Assert.That(ProblemAssert.Detail(problem), Is.EqualTo("An unexpected error occurred."));
            Assert.That(problem.GetRawText(), Does.Not.Contain(FailingPersonaRepository.Secret));
            Assert.That(problem.GetRawText(), Does.Not.Contain(nameof(InvalidOperationException)));
            Assert.That(problem.GetRawText(), Does.Not.Contain(nameof(FailingPersonaRepository)));
        });
    }

    /// <summary>Fails the way a broken database might, with a message that must never reach the client.</summary>
    private sealed class FailingPersonaRepository : IPersonaRepository
    {
        public const string Secret = "Server=db.internal;Password=hunter2";

        public void Add(Persona persona) => throw Fail();

        public void Remove(Persona persona) => throw Fail();

        public Task<Persona?> FindOwnedAsync(int userId, int personaId, CancellationToken cancellationToken) => throw Fail();

        public Task<PersonaDto?> FindOwnedDtoAsync(int userId, int personaId, CancellationToken cancellationToken) => throw Fail();

        public Task<bool> SaveIfUnchangedAsync(Persona persona, DateTime expectedUpdatedAt, CancellationToken cancellationToken) => throw Fail();

        public Task<bool> ExistsOwnedAsync(int userId, int personaId, CancellationToken cancellationToken) => throw Fail();

        public Task<bool> StillExistsAsync(int userId, int personaId, CancellationToken cancellationToken) => throw Fail();

        public Task<IReadOnlyList<PersonaDto>> ListOwnedAsync(int userId, CancellationToken cancellationToken) => throw Fail();

        private static InvalidOperationException Fail() => new($"Cannot reach {Secret}");
    }
}
