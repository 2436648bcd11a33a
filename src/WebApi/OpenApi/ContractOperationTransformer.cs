using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PersonaMedia.Application.Media;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Application.Media.Queries.ListPersonaMedia;
using PersonaMedia.Domain.Media;
using PersonaMedia.WebApi.Infrastructure;

namespace PersonaMedia.WebApi.OpenApi;

/// <summary>
/// Makes each operation say what goes over the wire: the multipart body an upload reads itself,
/// both bodies of a PUT that two actions serve, errors only as problem+json (with the 413 and 415
/// every body can get), binary downloads, the response headers, and the bounds of each parameter.
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";
    private const string Problem = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var siblings = Siblings(context);
        // A HEAD answers the headers of the GET on its path: they are described once, on the GET.
        var headerMetadata = string.Equals(description.HttpMethod, "HEAD", StringComparison.OrdinalIgnoreCase)
            ? Twins(context, "GET").FirstOrDefault()?.ActionDescriptor.EndpointMetadata ?? metadata
            : metadata;
        operation.OperationId ??= siblings.SelectMany(s => s.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>())
            .Select(n => n.EndpointName).FirstOrDefault();

        DescribeRequestBody(operation, context.Document!, metadata, siblings);
        DescribeParameters(operation);

        operation.Responses ??= [];
        if (operation.RequestBody is not null)
        {
            // Kestrel's and the actions' body size limits, and [Consumes] (or the upload's own check).
            operation.Responses.TryAdd("413", new OpenApiResponse());
            operation.Responses.TryAdd("415", new OpenApiResponse());
        }

        var health = description.RelativePath!.StartsWith("health", StringComparison.Ordinal);
        if (!health)
        {
            // The database or the store failing for a moment (see ProviderFaults), anywhere.
            operation.Responses.TryAdd("503", new OpenApiResponse());
        }

        if (operation.RequestBody?.Content?.ContainsKey("multipart/form-data") == true)
        {
            // The user's quota, or a full disk under the store or the database.
            operation.Responses.TryAdd("507", new OpenApiResponse());
        }

        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
        {
            operation.Responses.TryAdd("429", new OpenApiResponse());
        }

        var binaryAttribute = metadata.OfType<BinaryResponseAttribute>().FirstOrDefault();
        var binary = binaryAttribute?.Statuses.ToHashSet() ?? [];
        // An error status whose body is a type of the endpoint's own (readiness's 503) keeps it.
        var ownBodies = description.SupportedResponseTypes
            .Where(r => r.StatusCode >= 400 && r.Type is { } type && type != typeof(void) && !typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(type))
            .Select(r => r.StatusCode)
            .ToHashSet();
        foreach (var (status, response) in operation.Responses.ToList())
        {
            var code = int.Parse(status, CultureInfo.InvariantCulture);
            var described = new OpenApiResponse
            {
                Description = response.Description is { Length: > 0 } text && text != ReasonPhrase(code) ? text : Describe(code),
                Content = Content(code, binary.Contains(code) ? binaryAttribute : null, ownBodies.Contains(code), response.Content, context.Document!),
                Headers = response.Headers is { Count: > 0 } headers ? new Dictionary<string, IOpenApiHeader>(headers) : null,
            };
            AddHeaders(described, code, headerMetadata, retryAfterOn503: !health);
            operation.Responses[status] = described;
        }

        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }

        return Task.CompletedTask;
    }

    /// <summary>Other actions on the same method and path (the JSON and the form PUT of a description).</summary>
    private static List<ApiDescription> Siblings(OpenApiOperationTransformerContext context) =>
        Twins(context, context.Description.HttpMethod);

    /// <summary>The other actions on the path of this one with the given method.</summary>
    private static List<ApiDescription> Twins(OpenApiOperationTransformerContext context, string? method) =>
        context.ApplicationServices.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Where(d => d.ActionDescriptor != context.Description.ActionDescriptor
                && string.Equals(d.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
                && d.RelativePath == context.Description.RelativePath)
            .ToList();

    private static void DescribeRequestBody(
        OpenApiOperation operation, OpenApiDocument document, IList<object> metadata, List<ApiDescription> siblings)
    {
        if (metadata.OfType<DisableFormValueModelBindingAttribute>().Any())
        {
            // The upload reads its multipart body itself (MultipartUpload), so MVC knows no parameter of it.
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    // No `encoding` for the file part: clients (Scalar's "Test Request" and its curl among
                    // them) send an encoding's contentType as the part's Content-Type, and a list of types
                    // is not one (400). Left out, a binary part is application/octet-stream, which the
                    // service accepts and then judges by the content's own signature.
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchemaReference(WireSchemas.UploadForm, document),
                    },
                },
            };
            return;
        }

        var content = operation.RequestBody?.Content is { } own
            ? own.Where(c => c.Key != "application/*+json" && c.Key != "text/json").ToDictionary()
            : [];
        foreach (var sibling in siblings.Where(s => s.ParameterDescriptions.Any(p => p.Source == BindingSource.Form)))
        {
            // ApiExplorer lists request formats for JSON bodies only; a form's come from its [Consumes].
            foreach (var type in sibling.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().SelectMany(a => a.ContentTypes))
            {
                content[type] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(WireSchemas.DescriptionForm, document) };
            }
        }

        if (content.Count > 0)
        {
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }
    }

    private static void DescribeParameters(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            var schema = parameter.Schema as OpenApiSchema;
            switch (parameter.Name)
            {
                case "persona_id":
                    parameter.Description = "The id of one of your personas.";
                    break;
                case "file_id":
                    parameter.Description = "The id of one of your media files.";
                    break;
                case "id":
                    parameter.Description = "The id of one of your personas.";
                    break;
                case "media_type":
                    parameter.Description = "Only files of this kind.";
                    break;
                case "limit" when schema is not null:
                    parameter.Description = "At most this many files.";
                    schema.Minimum = "1";
                    schema.Maximum = ListPersonaMediaQuery.MaxLimit.ToString(CultureInfo.InvariantCulture);
                    schema.Default = JsonValue.Create(ListPersonaMediaQuery.MaxLimit);
                    break;
                case "offset" when schema is not null:
                    parameter.Description = "Skip this many files first.";
                    schema.Minimum = "0";
                    schema.Default = JsonValue.Create(0);
                    break;
                case "disposition" when schema is not null:
                    parameter.Description = "`inline` to show the file in place (JPEG, PNG, MP4), `attachment` to save it.";
                    schema.Enum = [JsonValue.Create("inline"), JsonValue.Create("attachment")];
                    schema.Default = JsonValue.Create("inline");
                    break;
                case "expires_in" when schema is not null:
                    parameter.Description = "Seconds the URL works: default 300, at most 3600 (Media:UrlDefaultExpirySeconds, Media:UrlMaxExpirySeconds).";
                    schema.Minimum = "1";
                    break;
                case "include" when schema is not null:
                    parameter.Description = "`urls` adds `download_url` to each file: a signed inline URL with the default lifetime.";
                    schema.Enum = [JsonValue.Create("urls")];
                    break;
                case "size" when schema is not null:
                    // Required by the thumbnail itself; on getFileUrl it is optional and picks a thumbnail instead of the original.
                    parameter.Required = operation.OperationId == "getThumbnail";
                    parameter.Description = parameter.Required == true
                        ? "The thumbnail's long side in pixels: one of the presets listed in the file's `thumbnails`."
                        : "A thumbnail preset: the URL serves that thumbnail instead of the original.";
                    schema.Enum = [.. ThumbnailPresets.Sizes.Select(size => (JsonNode)JsonValue.Create(size))];
                    break;
                case "format" when schema is not null:
                    parameter.Description = "The thumbnail's encoding: `webp` (default) or `jpeg`.";
                    schema.Enum = [JsonValue.Create("webp"), JsonValue.Create("jpeg")];
                    schema.Default = JsonValue.Create("webp");
                    break;
                case "token":
                    parameter.Description = "The opaque token of a signed URL, as getFileUrl handed it out.";
                    break;
            }
        }
    }

    private static Dictionary<string, OpenApiMediaType>? Content(
        int status, BinaryResponseAttribute? binary, bool ownBody, IDictionary<string, OpenApiMediaType>? generated, OpenApiDocument document)
    {
        if (binary is not null)
        {
            return (binary.ContentType is { } only ? [only] : MediaFormat.All.Select(f => f.ContentType).Distinct()).ToDictionary(
                type => type,
                _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
        }

        if (status is StatusCodes.Status304NotModified or StatusCodes.Status416RangeNotSatisfiable)
        {
            return null;
        }

        if (status >= 400 && !ownBody)
        {
            IOpenApiSchema problem = new OpenApiSchemaReference(WireSchemas.ProblemDetails, document);
            return new() { [Problem] = new OpenApiMediaType { Schema = status == StatusCodes.Status400BadRequest
                ? new OpenApiSchema { AnyOf = [new OpenApiSchemaReference(WireSchemas.ValidationProblemDetails, document), problem] }
                : problem } };
        }

        return generated?.TryGetValue(Json, out var json) == true ? new() { [Json] = json } : null;
    }

    private static void AddHeaders(OpenApiResponse response, int status, IList<object> metadata, bool retryAfterOn503)
    {
        var headers = metadata.OfType<ResponseHeaderAttribute>()
            .Where(h => h.Statuses.Contains(status))
            .Select(h => (h.Name, h.Description, h.IsInteger))
            .ToList();
        if (status == StatusCodes.Status401Unauthorized)
        {
            headers.Add(("WWW-Authenticate", "`Bearer`, with `error=\"invalid_token\"` when a token was sent.", false));
        }

        if ((status == StatusCodes.Status429TooManyRequests || (status == StatusCodes.Status503ServiceUnavailable && retryAfterOn503))
            && !headers.Exists(h => h.Name == "Retry-After"))
        {
            headers.Add(("Retry-After", "Seconds to wait before trying again.", true));
        }

        foreach (var (name, text, isInteger) in headers)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader
            {
                Description = text,
                Schema = new OpenApiSchema { Type = isInteger ? JsonSchemaType.Integer : JsonSchemaType.String },
            };
        }
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string Describe(int status) => status switch
    {
        200 => "OK",
        206 => "The requested range of the bytes.",
        304 => "Not modified: the ETag sent in If-None-Match is still the file's.",
        400 => "The request is not valid; a validation problem names each field in `errors`.",
        401 => "No token, or a malformed, expired or otherwise invalid one.",
        404 => "Not found, or not yours.",
        409 => "The email or the username is already registered.",
        413 => "The request body is larger than this operation accepts.",
        415 => "The request body's Content-Type is not one this operation reads, or is missing.",
        416 => "The range lies outside the file; no body.",
        429 => "Too many requests; wait for Retry-After seconds.",
        503 => "A dependency (the database, the file store) is unavailable for a moment, or the service is stopping: nothing was changed; try again after Retry-After seconds (on readiness: not ready).",
        507 => "Nothing was stored: the caller's storage quota (`Media:QuotaBytesPerUser`) would be passed, problem type "
            + "`" + Infrastructure.ProblemDetailsExceptionHandler.QuotaExceededType + "` with `quota_bytes` and `used_bytes`; "
            + "or the disk under the file store or the database is full (type `https://www.rfc-editor.org/rfc/rfc4918#section-11.5`).",
        _ => ReasonPhrase(status),
    };
}
