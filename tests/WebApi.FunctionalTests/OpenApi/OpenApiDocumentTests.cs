using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.OpenApi;

public partial class OpenApiDocumentTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private static readonly (string Path, string Method)[] SpecOperations =
    [
        ("/health", "get"), ("/health/live", "get"), ("/health/ready", "get"),
        ("/auth/register", "post"), ("/auth/login", "post"), ("/auth/me", "get"),
        ("/personas", "get"), ("/personas", "post"),
        ("/personas/{id}", "get"), ("/personas/{id}", "put"), ("/personas/{id}", "delete"),
    ];

    private JsonElement _document;

    [SetUp]
    public async Task FetchDocument()
    {
        var response = await App.CreateClient().GetAsync("/openapi/v1.json");
        _document = await Json.ReadAsync(response);
    }

    private JsonElement Operation(string path, string method) =>
        _document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out var operation)
            ? operation
            : throw new AssertionException($"The document has no {method.ToUpperInvariant()} {path}.");

    /// <summary>Follows a <c>$ref</c> into <c>components</c>.</summary>
    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? _document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private JsonElement ResponseSchema(string path, string method, string status, string contentType = "application/json") =>
        Resolve(Operation(path, method).GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty(contentType).GetProperty("schema"));

    private JsonElement RequestSchema(string path, string method) =>
        Resolve(Operation(path, method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    private static string[] Names(JsonElement schema, string member) =>
        schema.TryGetProperty(member, out var value)
            ? value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(v => v.GetString()!).ToArray()
                : value.EnumerateObject().Select(p => p.Name).ToArray()
            : [];

    /// <summary>The app's routed endpoints that should be documented, as (OpenAPI path, method, needs a token).</summary>
    private List<(string Path, string Method, bool Protected)> AppEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (
                Path: OpenApiPath(e.RoutePattern.RawText ?? string.Empty),
                Method: method.ToLowerInvariant(),
                Protected: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null)))
            .ToList();

    /// <summary>"personas/{id:int}" is documented as "/personas/{id}".</summary>
    private static string OpenApiPath(string pattern) =>
        "/" + RouteParameter().Replace(pattern, "{$1}").Trim('/');

    [GeneratedRegex(@"\{\*{0,2}([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [Test]
    public void The_document_is_openapi_3_titled_for_the_service()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_document.GetProperty("openapi").GetString(), Does.StartWith("3."));
            Assert.That(_document.GetProperty("info").GetProperty("title").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public void Every_operation_of_the_contract_is_described()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, method) in SpecOperations)
            {
                Assert.DoesNotThrow(() => Operation(path, method), $"{method} {path}");
            }
        });
    }

    [Test]
    public void Every_endpoint_the_app_serves_is_described()
    {
        var endpoints = AppEndpoints();
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(SpecOperations.Length), "the app's endpoints were found");

        Assert.Multiple(() =>
        {
            foreach (var (path, method, _) in endpoints)
            {
                Assert.DoesNotThrow(() => Operation(path, method), $"{method} {path} is served but not documented");
            }
        });
    }

    [Test]
    public void The_bearer_scheme_is_declared()
    {
        var scheme = _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");

        Assert.Multiple(() =>
        {
            Assert.That(scheme.GetProperty("type").GetString(), Is.EqualTo("http"));
            Assert.That(scheme.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(scheme.GetProperty("bearerFormat").GetString(), Is.EqualTo("JWT"));
        });
    }

    [Test]
    public void Exactly_the_operations_that_need_a_token_require_the_bearer_scheme_and_document_401()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, method, isProtected) in AppEndpoints())
            {
                var operation = Operation(path, method);
                var schemes = operation.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(p => p.Name)).ToArray()
                    : [];
                if (isProtected)
                {
                    Assert.That(schemes, Is.EqualTo(["Bearer"]), $"{method} {path} needs a token");
                    Assert.That(Names(operation, "responses"), Does.Contain("401"), $"{method} {path}");
                }
                else
                {
                    Assert.That(schemes, Is.Empty, $"{method} {path} is anonymous");
                }
            }
        });
    }

    [Test]
    public void The_anonymous_operations_are_health_register_login_and_signed_media()
    {
        var anonymous = AppEndpoints().Where(e => !e.Protected).Select(e => $"{e.Method} {e.Path}");

        Assert.That(anonymous, Is.EquivalentTo([
            "get /health", "get /health/live", "get /health/ready", "post /auth/register", "post /auth/login",
            "post /auth/refresh", "post /auth/logout", "get /media/{token}", "head /media/{token}",
        ]));
    }

    [Test]
    public void Request_bodies_use_the_snake_case_names_and_mark_only_what_is_required()
    {
        var register = RequestSchema("/auth/register", "post");
        var createPersona = RequestSchema("/personas", "post");
        var updatePersona = RequestSchema("/personas/{id}", "put");

        Assert.Multiple(() =>
        {
            Assert.That(Names(register, "properties"), Is.EquivalentTo(["email", "username", "password", "full_name"]));
            Assert.That(Names(register, "required"), Is.EquivalentTo(["email", "username", "password"]));
            Assert.That(Names(RequestSchema("/auth/login", "post"), "properties"), Is.EquivalentTo(["email", "password"]));
            Assert.That(Names(createPersona, "properties"), Is.EquivalentTo(["name", "description", "relation_type"]));
            Assert.That(Names(createPersona, "required"), Is.EqualTo(["name"]));
            Assert.That(Names(updatePersona, "properties"), Is.EquivalentTo(["name", "description", "relation_type"]),
                "the id comes from the route, never from the body");
            Assert.That(Names(updatePersona, "required"), Is.EqualTo(["name"]));
        });
    }

    [Test]
    public void Responses_describe_the_json_the_api_sends()
    {
        var persona = ResponseSchema("/personas/{id}", "get", "200");
        var token = ResponseSchema("/auth/login", "post", "200");
        var user = ResponseSchema("/auth/me", "get", "200");

        Assert.Multiple(() =>
        {
            Assert.That(Names(persona, "properties"), Is.SupersetOf(["id", "user_id", "name", "description", "relation_type", "created_at", "updated_at"]));
            Assert.That(persona.GetProperty("properties").GetProperty("id").GetProperty("type").GetString(), Is.EqualTo("integer"));
            Assert.That(persona.GetProperty("properties").GetProperty("created_at").GetProperty("format").GetString(), Is.EqualTo("date-time"));
            Assert.That(Names(token, "properties"), Is.EquivalentTo(["access_token", "token_type", "expires_in", "refresh_token"]));
            Assert.That(Names(user, "properties"), Is.SupersetOf(["id", "email", "username", "full_name", "created_at"]));
            Assert.That(ResponseSchema("/personas", "get", "200").GetProperty("type").GetString(), Is.EqualTo("array"));
            Assert.That(Names(ResponseSchema("/personas/{id}", "delete", "200"), "properties"), Is.EqualTo(["detail"]));
            Assert.That(Names(ResponseSchema("/health/ready", "get", "503"), "properties"), Does.Contain("status"));
        });
    }

    [TestCase("/auth/register", "post", "400")]
    [TestCase("/auth/register", "post", "409")]
    [TestCase("/auth/login", "post", "401")]
    [TestCase("/personas", "post", "400")]
    [TestCase("/personas/{id}", "get", "404")]
    [TestCase("/personas/{id}", "put", "404")]
    [TestCase("/personas/{id}", "delete", "404")]
    public void Error_responses_are_documented_as_problem_json(string path, string method, string status)
    {
        var schema = ResponseSchema(path, method, status, ProblemAssert.ContentType);
        // A 400 is a validation problem or a plain one; both are the one problem schema at heart.
        var problem = schema.TryGetProperty("anyOf", out var variants) ? Resolve(variants[1]) : schema;

        Assert.That(Names(problem, "properties"), Is.SupersetOf(["type", "title", "status", "detail"]));
    }

    [Test]
    public async Task The_document_needs_no_token()
    {
        var response = await App.CreateClient().GetAsync("/openapi/v1.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
