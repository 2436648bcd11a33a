using System.Text.Json;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Domain.Users;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.OpenApi;

/// <summary>The document describes the wire exactly, so that a generated client needs no cast.</summary>
public partial class OpenApiDocumentTests
{
    private static readonly string[] BinaryTypes = ["image/jpeg", "image/png", "video/mp4"];

    private IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        _document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(op => (path.Name, op.Name, op.Value)));

    private JsonElement Schema(string name) => _document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private JsonElement Response(string path, string method, string status) =>
        Operation(path, method).GetProperty("responses").GetProperty(status);

    private static string[] Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray()
        : [type.GetString()!];

    [TestCase("/upload/persona/{persona_id}/image")]
    [TestCase("/upload/persona/{persona_id}/video")]
    public void An_upload_takes_a_multipart_body_with_a_required_binary_file_and_a_bounded_description(string path)
    {
        var body = Operation(path, "post").GetProperty("requestBody");
        var form = Resolve(body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema"));

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("required").GetBoolean(), Is.True);
            Assert.That(Names(body, "content"), Is.EqualTo(["multipart/form-data"]));
            Assert.That(body.GetProperty("content").GetProperty("multipart/form-data").TryGetProperty("encoding", out _), Is.False,
                "no part encoding: clients send its contentType as the part's Content-Type, and a list of types is none");
            Assert.That(Names(form, "required"), Is.EqualTo(["file"]));
            Assert.That(form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString(), Is.EqualTo("binary"));
            Assert.That(form.GetProperty("properties").GetProperty("description").GetProperty("maxLength").GetInt32(), Is.EqualTo(MediaRules.DescriptionMaxLength));
            Assert.That(Names(Operation(path, "post"), "responses"), Is.SupersetOf(["200", "400", "401", "404", "413", "415"]));
        });
    }

    [Test]
    public void The_description_put_takes_json_and_both_forms()
    {
        var content = Operation("/upload/files/{file_id}", "put").GetProperty("requestBody").GetProperty("content");

        Assert.Multiple(() =>
        {
            Assert.That(content.EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(["application/json", "application/x-www-form-urlencoded", "multipart/form-data"]));
            foreach (var type in new[] { "application/json", "application/x-www-form-urlencoded", "multipart/form-data" })
            {
                var schema = Resolve(content.GetProperty(type).GetProperty("schema"));
                Assert.That(schema.GetProperty("properties").GetProperty("description").GetProperty("maxLength").GetInt32(),
                    Is.EqualTo(MediaRules.DescriptionMaxLength), type);
            }
        });
    }

    [Test]
    public void Every_error_is_problem_json_and_nothing_else()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, method, operation) in Operations())
            {
                foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400 && r.Name != "416")
                    .Where(r => (path, r.Name) != ("/health/ready", "503")))
                {
                    Assert.That(Names(response.Value, "content"), Is.EqualTo([ProblemAssert.ContentType]), $"{method} {path} {response.Name}");
                }
            }
        });
    }

    [Test]
    public void The_problem_schema_requires_detail_and_trace_id_and_its_validation_variant_errors()
    {
        var problem = Schema("ProblemDetails");
        var validation = Schema("ValidationProblemDetails").GetProperty("allOf");

        Assert.Multiple(() =>
        {
            Assert.That(Names(problem, "required"), Is.SupersetOf(["type", "title", "status", "detail", "trace_id"]));
            Assert.That(validation[0].GetProperty("$ref").GetString(), Is.EqualTo("#/components/schemas/ProblemDetails"));
            Assert.That(Names(validation[1], "required"), Is.EqualTo(["errors"]));
            Assert.That(validation[1].GetProperty("properties").GetProperty("errors").GetProperty("additionalProperties").GetProperty("items").GetProperty("type").GetString(), Is.EqualTo("string"));
        });
    }

    [Test]
    public void Register_and_login_list_only_the_statuses_they_answer()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Names(Operation("/auth/register", "post"), "responses"), Is.EqualTo(["200", "400", "409", "413", "415", "429", "503"]));
            Assert.That(Names(Operation("/auth/login", "post"), "responses"), Is.EqualTo(["200", "400", "401", "413", "415", "429", "503"]));
        });
    }

    [Test]
    public void Every_operation_on_data_may_answer_503_with_retry_after_and_uploads_507()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, method) in new[] { ("/personas", "get"), ("/upload/files/{file_id}/download", "get"), ("/upload/persona/{persona_id}/image", "post") })
            {
                Assert.That(Response(path, method, "503").GetProperty("headers").TryGetProperty("Retry-After", out _), Is.True, path);
            }

            Assert.That(Names(Operation("/upload/persona/{persona_id}/video", "post"), "responses"), Does.Contain("507"));
            Assert.That(Names(Operation("/personas", "get"), "responses"), Does.Not.Contain("507"));
            Assert.That(Response("/health/ready", "get", "503").TryGetProperty("headers", out _), Is.False, "readiness sends no Retry-After");
        });
    }

    [Test]
    public void The_download_is_binary_in_the_stored_types_and_304_and_416_have_no_body()
    {
        Assert.Multiple(() =>
        {
            foreach (var status in new[] { "200", "206" })
            {
                var content = Response("/upload/files/{file_id}/download", "get", status).GetProperty("content");
                Assert.That(content.EnumerateObject().Select(c => c.Name), Is.EquivalentTo(BinaryTypes), status);
                Assert.That(content.EnumerateObject().Select(c => c.Value.GetProperty("schema").GetProperty("format").GetString()), Is.All.EqualTo("binary"));
            }

            Assert.That(Response("/upload/files/{file_id}/download", "get", "304").TryGetProperty("content", out _), Is.False);
            Assert.That(Response("/upload/files/{file_id}/download", "get", "416").TryGetProperty("content", out _), Is.False);
        });
    }

    [Test]
    public void A_thumbnail_is_a_webp_of_a_required_preset_size()
    {
        var content = Response("/upload/files/{file_id}/thumbnail", "get", "200").GetProperty("content");
        var size = Operation("/upload/files/{file_id}/thumbnail", "get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "size");

        Assert.Multiple(() =>
        {
            Assert.That(content.EnumerateObject().Select(c => c.Name), Is.EqualTo(["image/webp"]));
            Assert.That(size.GetProperty("required").GetBoolean(), Is.True);
            Assert.That(size.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetInt32()), Is.EqualTo([160, 640]));
            Assert.That(Names(Response("/upload/files/{file_id}/thumbnail", "get", "200"), "headers"), Is.SupersetOf(["ETag", "Last-Modified", "Cache-Control"]));
            Assert.That(Response("/upload/files/{file_id}/thumbnail", "get", "304").TryGetProperty("content", out _), Is.False);
        });
    }

    [TestCase("/upload/files/{file_id}/download")]
    [TestCase("/media/{token}")]
    public void A_head_declares_the_headers_of_its_get_and_no_body(string path)
    {
        Assert.Multiple(() =>
        {
            foreach (var status in new[] { "200", "206", "304", "416" })
            {
                var head = Response(path, "head", status);
                Assert.That(Names(head, "headers"), Is.EquivalentTo(Names(Response(path, "get", status), "headers")), status);
                Assert.That(head.TryGetProperty("content", out _), Is.False, status);
            }
        });
    }

    [Test]
    public void No_framework_type_is_a_component()
    {
        Assert.That(Names(_document.GetProperty("components"), "schemas"), Is.EquivalentTo([
            "ChangePasswordRequest", "DescriptionForm", "DescriptionRequest", "DetailResponse", "HealthResponse", "LoginRequest", "LogoutRequest",
            "MediaFile", "MediaFileUrl", "MediaType", "Persona", "PersonaRequest", "PersonaUsage", "ProblemDetails", "RefreshTokenRequest",
            "RegisterRequest", "TokenResponse", "UploadForm",
            "UploadStats", "User", "ValidationProblemDetails", "Thumbnail",
        ]));
    }

    [TestCase("/upload/persona/{persona_id}/files", "get", "200", "X-Total-Count", "Link")]
    [TestCase("/upload/files/{file_id}/download", "get", "200", "ETag", "Last-Modified", "Content-Disposition", "Accept-Ranges")]
    [TestCase("/upload/files/{file_id}/download", "get", "206", "ETag", "Last-Modified", "Content-Disposition", "Accept-Ranges", "Content-Range")]
    [TestCase("/upload/files/{file_id}/download", "get", "416", "Content-Range")]
    [TestCase("/auth/me", "get", "401", "WWW-Authenticate")]
    public void Response_headers_are_declared(string path, string method, string status, params string[] headers)
    {
        Assert.That(Names(Response(path, method, status), "headers"), Is.SupersetOf(headers));
    }

    [Test]
    public void The_list_parameters_have_their_bounds_and_the_media_type_its_values()
    {
        var parameters = Operation("/upload/persona/{persona_id}/files", "get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        var limit = parameters["limit"].GetProperty("schema");
        var offset = parameters["offset"].GetProperty("schema");

        Assert.Multiple(() =>
        {
            Assert.That(parameters.Keys, Is.EquivalentTo(["persona_id", "media_type", "limit", "offset", "include"]));
            Assert.That(parameters["persona_id"].GetProperty("in").GetString(), Is.EqualTo("path"));
            Assert.That(Names(Resolve(parameters["media_type"].GetProperty("schema")), "enum"), Is.EqualTo(["image", "video"]));
            Assert.That((limit.GetProperty("minimum").GetInt32(), limit.GetProperty("maximum").GetInt32(), limit.GetProperty("default").GetInt32()), Is.EqualTo((1, 100, 100)));
            Assert.That((offset.GetProperty("minimum").GetInt32(), offset.GetProperty("default").GetInt32()), Is.EqualTo((0, 0)));
        });
    }

    [Test]
    public void Path_parameters_are_named_as_in_the_readme()
    {
        var paths = Names(_document, "paths");

        Assert.That(paths.Where(p => p.Contains('{')), Is.EquivalentTo([
            "/upload/persona/{persona_id}/image", "/upload/persona/{persona_id}/video", "/upload/persona/{persona_id}/files",
            "/upload/files/{file_id}", "/upload/files/{file_id}/url", "/upload/files/{file_id}/download", "/upload/files/{file_id}/thumbnail", "/personas/{id}",
            "/media/{token}",
        ]));
    }

    [Test]
    public void Request_schemas_are_named_for_the_wire_with_the_domain_limits_and_required_members_not_nullable()
    {
        var register = Schema("RegisterRequest").GetProperty("properties");
        var persona = Schema("PersonaRequest").GetProperty("properties");

        Assert.Multiple(() =>
        {
            Assert.That(RequestSchemaName("/auth/register", "post"), Is.EqualTo("RegisterRequest"));
            Assert.That(RequestSchemaName("/auth/login", "post"), Is.EqualTo("LoginRequest"));
            Assert.That(RequestSchemaName("/personas", "post"), Is.EqualTo("PersonaRequest"));
            Assert.That(RequestSchemaName("/personas/{id}", "put"), Is.EqualTo("PersonaRequest"));
            Assert.That(Types(register.GetProperty("email")), Is.EqualTo(["string"]));
            Assert.That(register.GetProperty("email").GetProperty("format").GetString(), Is.EqualTo("email"));
            Assert.That(register.GetProperty("email").GetProperty("maxLength").GetInt32(), Is.EqualTo(User.EmailMaxLength));
            Assert.That(register.GetProperty("username").GetProperty("maxLength").GetInt32(), Is.EqualTo(User.UsernameMaxLength));
            Assert.That(register.GetProperty("password").GetProperty("minLength").GetInt32(), Is.EqualTo(User.PasswordMinLength));
            Assert.That(register.GetProperty("password").GetProperty("maxLength").GetInt32(), Is.EqualTo(User.PasswordMaxLength));
            Assert.That(Types(register.GetProperty("full_name")), Does.Contain("null"), "an optional member may be null");
            Assert.That(Types(persona.GetProperty("name")), Is.EqualTo(["string"]));
            Assert.That(persona.GetProperty("name").GetProperty("minLength").GetInt32(), Is.EqualTo(1));
            Assert.That(persona.GetProperty("name").GetProperty("maxLength").GetInt32(), Is.EqualTo(Persona.NameMaxLength));
            Assert.That(persona.GetProperty("description").GetProperty("maxLength").GetInt32(), Is.EqualTo(Persona.DescriptionMaxLength));
            Assert.That(persona.GetProperty("relation_type").GetProperty("maxLength").GetInt32(), Is.EqualTo(Persona.RelationTypeMaxLength));
        });
    }

    private string RequestSchemaName(string path, string method) =>
        Operation(path, method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];

    [Test]
    public void Every_operation_has_a_unique_operation_id_a_summary_a_description_and_a_tag()
    {
        var operations = Operations().ToList();

        Assert.Multiple(() =>
        {
            foreach (var (path, method, operation) in operations)
            {
                foreach (var member in new[] { "operationId", "summary", "description" })
                {
                    Assert.That(operation.TryGetProperty(member, out var value) ? value.GetString() : null, Is.Not.Null.And.Not.Empty, $"{method} {path} {member}");
                }

                Assert.That(operation.GetProperty("tags").GetArrayLength(), Is.EqualTo(1), $"{method} {path}");
            }

            Assert.That(operations.Select(o => o.Operation.GetProperty("operationId").GetString()), Is.Unique);
        });
    }

    [Test]
    public void The_api_has_its_title_version_description_and_described_tags()
    {
        var info = _document.GetProperty("info");

        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("title").GetString(), Is.EqualTo("PersonaMedia API"));
            Assert.That(info.GetProperty("version").GetString(), Is.EqualTo("1.0.0"));
            Assert.That(info.GetProperty("description").GetString(), Does.Contain("Bearer").And.Contain("problem+json"));
            Assert.That(_document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()),
                Is.EquivalentTo(["Auth", "Personas", "Media", "Health"]));
            Assert.That(_document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("description").GetString()), Is.All.Not.Empty);
        });
    }
}
