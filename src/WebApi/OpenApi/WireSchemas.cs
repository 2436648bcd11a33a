using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.WebApi.OpenApi;

/// <summary>
/// What the document calls each schema and which limits its members have. Names are the wire's,
/// not the C# types': a request body is a <c>...Request</c> (the command it becomes is an inside
/// matter), a response is the resource (<c>MediaFile</c>, not <c>MediaFileDto</c>). The limits are
/// the domain's constants, the same ones the validators enforce.
/// </summary>
internal static class WireSchemas
{
    public const string ProblemDetails = "ProblemDetails";
    public const string ValidationProblemDetails = "ValidationProblemDetails";
    public const string UploadForm = "UploadForm";
    public const string DescriptionForm = "DescriptionForm";

    /// <param name="LeftOutWhenNull">The member is left out of the JSON rather than null (optional, never null on the wire).</param>
    public sealed record Limits(int? MinLength = null, int? MaxLength = null, string? Format = null, bool LeftOutWhenNull = false);

    private static readonly Dictionary<(string Schema, string Property), Limits> Rules = new()
    {
        [("RegisterRequest", "email")] = new(1, User.EmailMaxLength, "email"),
        [("RegisterRequest", "username")] = new(1, User.UsernameMaxLength),
        [("RegisterRequest", "password")] = new(User.PasswordMinLength, User.PasswordMaxLength),
        [("RegisterRequest", "full_name")] = new(MaxLength: User.FullNameMaxLength),
        [("LoginRequest", "email")] = new(1, User.EmailMaxLength, "email"),
        [("LoginRequest", "password")] = new(1, User.PasswordMaxLength),
        [("RefreshTokenRequest", "refresh_token")] = new(1, PersonaMedia.Application.Auth.TokenLimits.RefreshTokenMaxLength),
        [("LogoutRequest", "refresh_token")] = new(1, PersonaMedia.Application.Auth.TokenLimits.RefreshTokenMaxLength),
        [("ChangePasswordRequest", "current_password")] = new(1, User.PasswordMaxLength),
        [("ChangePasswordRequest", "new_password")] = new(User.PasswordMinLength, User.PasswordMaxLength),
        [("PersonaRequest", "name")] = new(1, Persona.NameMaxLength),
        [("PersonaRequest", "description")] = new(MaxLength: Persona.DescriptionMaxLength),
        [("PersonaRequest", "relation_type")] = new(MaxLength: Persona.RelationTypeMaxLength),
        [("DescriptionRequest", MediaFile.DescriptionField)] = new(MaxLength: MediaRules.DescriptionMaxLength),
        [(DescriptionForm, MediaFile.DescriptionField)] = new(MaxLength: MediaRules.DescriptionMaxLength),
        [(UploadForm, UploadMediaCommand.DescriptionField)] = new(MaxLength: MediaRules.DescriptionMaxLength),
        [("MediaFile", "download_url")] = new(Format: "uri", LeftOutWhenNull: true),
        [("MediaFile", "video_codec")] = new(1, MediaMetadata.VideoCodecMaxLength),
    };

    /// <summary>The component name of a type's schema, or null for one that stays inline.</summary>
    public static string? Id(JsonTypeInfo type) => OpenApiOptions.CreateDefaultSchemaReferenceId(type) switch
    {
        null => null,
        var id when id.EndsWith("Command", StringComparison.Ordinal) => id[..^"Command".Length] + "Request",
        var id when id.EndsWith("Dto", StringComparison.Ordinal) => id[..^"Dto".Length],
        var id => id,
    };

    public static bool IsRequestBody(string id) => id.EndsWith("Request", StringComparison.Ordinal) || id.EndsWith("Form", StringComparison.Ordinal);

    /// <summary>Sets a member's length and format limits, and takes null out of a required member of a request body.</summary>
    public static void Apply(string id, OpenApiSchema schema)
    {
        if (schema.Properties is null)
        {
            return;
        }

        foreach (var (name, member) in schema.Properties)
        {
            if (member is not OpenApiSchema property)
            {
                continue;
            }

            if (IsRequestBody(id) && schema.Required?.Contains(name) == true && property.Type is { } type)
            {
                property.Type = type & ~JsonSchemaType.Null;
            }

            if (Rules.TryGetValue((id, name), out var limits))
            {
                property.MinLength = limits.MinLength ?? property.MinLength;
                property.MaxLength = limits.MaxLength ?? property.MaxLength;
                property.Format = limits.Format ?? property.Format;
                if (limits.LeftOutWhenNull && property.Type is { } optional)
                {
                    property.Type = optional & ~JsonSchemaType.Null;
                    property.Description = "Only with `include=urls`: a signed inline URL of the bytes (see getFileUrl).";
                }
            }
        }
    }
}

/// <summary>Applies <see cref="WireSchemas"/> to every schema the document generates from a type.</summary>
internal sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && WireSchemas.Id(context.JsonTypeInfo) is { } id)
        {
            WireSchemas.Apply(id, schema);
        }

        return Task.CompletedTask;
    }
}
