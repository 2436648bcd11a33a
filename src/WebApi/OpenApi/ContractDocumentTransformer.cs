using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.WebApi.OpenApi;

/// <summary>
/// The document's own parts: title, version and description, the tags, the one problem schema and
/// its validation variant, the upload and description forms; and no schema the wire never carries
/// (the framework's result and problem types drop out once no operation points at them).
/// </summary>
internal sealed partial class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Title = "PersonaMedia API";

    public const string Description = """
        The media service of the persona platform: signed-in users keep personas and upload JPEG/PNG
        images and MP4 videos of up to 10 MiB (10,485,760 bytes) for them, then list, download, describe
        and delete them.

        **Authentication.** Register or sign in (`/auth/register`, `/auth/login`) for an access token and
        send it as `Authorization: Bearer <access_token>`. Everything except health, register and login
        needs it. Another user's persona or file is answered 404, like one that does not exist.

        **Errors** are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, a human
        `detail` and a `trace_id`; a validation problem (400) also has `errors`, keyed by the field.

        **Names** on the wire are snake_case; times are UTC ISO 8601. Success of every POST and DELETE is
        200 with a JSON body.
        """;

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Auth", "Accounts and access tokens."),
        ("Personas", "The signed-in user's personas."),
        ("Media", "Images and videos of a persona: upload, list, information, download, description, delete, usage."),
        ("Health", "Liveness and readiness, for operators and orchestrators; no token needed."),
    ];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = Title, Version = "1.0.0", Description = Description };
        // Served by the service itself: a client's requests go to the host the document came from.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This service" }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        schemas[WireSchemas.ProblemDetails] = ProblemDetails();
        schemas[WireSchemas.ValidationProblemDetails] = ValidationProblemDetails(document);
        schemas[WireSchemas.UploadForm] = UploadForm();
        schemas[WireSchemas.DescriptionForm] = DescriptionForm();

        await RemoveUnreferencedSchemasAsync(document, cancellationToken);
        document.Components.Schemas = schemas.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary();
    }

    private static OpenApiSchema ProblemDetails() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem, as every error is answered.",
        Required = new HashSet<string> { "type", "title", "status", "detail", "trace_id" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The status's short name." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for a human." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request the problem is about, when known." },
            ["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, to quote when reporting it." },
        },
    };

    private static OpenApiSchema ValidationProblemDetails(OpenApiDocument document) => new()
    {
        Description = "A 400 problem that names each field that is wrong.",
        AllOf =
        [
            new OpenApiSchemaReference(WireSchemas.ProblemDetails, document),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "errors" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["errors"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "Messages keyed by the field's wire name (`file`, `description`, `limit`, `body`, ...).",
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                },
            },
        ],
    };

    private static OpenApiSchema UploadForm()
    {
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The multipart form of an upload.",
            Required = new HashSet<string> { UploadMediaCommand.FileField },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [UploadMediaCommand.FileField] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "binary",
                    Description = $"The file, at most {MediaRules.MaxFileSizeBytes} bytes; its part's file name must have an allowed extension.",
                },
                [UploadMediaCommand.DescriptionField] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Shown with the file." },
            },
        };
        WireSchemas.Apply(WireSchemas.UploadForm, form);
        return form;
    }

    private static OpenApiSchema DescriptionForm()
    {
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The description as a form field; left out, it becomes null.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [MediaFile.DescriptionField] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        WireSchemas.Apply(WireSchemas.DescriptionForm, form);
        return form;
    }

    /// <summary>Drops every component schema that no operation reaches, directly or through another schema.</summary>
    private static async Task RemoveUnreferencedSchemasAsync(OpenApiDocument document, CancellationToken cancellationToken)
    {
        var schemas = document.Components!.Schemas!;
        var all = schemas.ToDictionary();
        schemas.Clear();
        var paths = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        var pending = new Queue<string>(References(paths));
        while (pending.TryDequeue(out var id))
        {
            if (schemas.ContainsKey(id) || !all.TryGetValue(id, out var schema))
            {
                continue;
            }

            schemas[id] = schema;
            var text = JsonNode.Parse(await schema.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!.ToJsonString();
            foreach (var reference in References(text))
            {
                pending.Enqueue(reference);
            }
        }
    }

    private static IEnumerable<string> References(string json) =>
        SchemaReference().Matches(json).Select(m => m.Groups[1].Value);

    [GeneratedRegex("#/components/schemas/([A-Za-z0-9_.-]+)")]
    private static partial Regex SchemaReference();
}
