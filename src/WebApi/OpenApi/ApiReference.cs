using Scalar.AspNetCore;

namespace PersonaMedia.WebApi.OpenApi;

/// <summary>
/// The interactive reference (Scalar) at <c>/scalar</c>, mapped in Development only: titled for the
/// API, the bearer scheme selected so that a pasted token is sent, and nothing loaded from or sent to
/// another host (Scalar's default fonts come from its CDN, its telemetry and AI agent call home).
/// Checked in headless Chromium by ApiReferenceInBrowserTests.
/// </summary>
internal static class ApiReference
{
    public const string PageTitle = "PersonaMedia API reference";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapScalarApiReference(options => options
                .WithTitle(PageTitle)
                .AddPreferredSecuritySchemes(BearerSecuritySchemeTransformer.SchemeId)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent())
            .AllowAnonymous();
}
