using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// The headers every answer carries, errors included. They are written just before the response
/// starts, so the exception handler (which clears the headers of a failed request) and JwtBearer's
/// challenge cannot lose them; an endpoint that sets its own <c>Content-Security-Policy</c> or
/// <c>Cache-Control</c> (the signed media path, downloads) keeps it.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>What an API answer that is never meant to be framed or cached says.</summary>
    public const string ApiContentSecurityPolicy = "frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityHeadersSettings>()
            .Bind(configuration.GetSection(SecurityHeadersSettings.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityHeadersSettings>, SecurityHeadersSettings.Validator>();

        // The Server header only tells an attacker which server to read the advisories of.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    /// <summary>Registered first, so its callback runs last, after everything else has shaped the answer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        var settings = app.ApplicationServices.GetRequiredService<IOptions<SecurityHeadersSettings>>().Value;
        var hsts = environment.IsDevelopment() ? null : settings.StrictTransportSecurity();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context.Response.Headers, hsts);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Apply(IHeaderDictionary headers, string? hsts)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
        }

        // Tokens and signed-in JSON must not stay in any cache (RFC 6749 §5.1); the answers that
        // may be kept (downloads: private) say so themselves.
        if (string.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = "no-store";
        }

        if (hsts is not null)
        {
            headers.StrictTransportSecurity = hsts;
        }
    }
}

/// <summary>The <c>SecurityHeaders</c> configuration section.</summary>
public sealed class SecurityHeadersSettings
{
    public const string SectionName = "SecurityHeaders";

    /// <summary>Two years, the value the HSTS preload list asks for.</summary>
    public const int DefaultHstsMaxAgeSeconds = 63_072_000;

    /// <summary><c>Strict-Transport-Security: max-age</c> outside Development; 0 sends no HSTS header.</summary>
    public int HstsMaxAgeSeconds { get; set; } = DefaultHstsMaxAgeSeconds;

    /// <summary>Adds <c>includeSubDomains</c>: only for a domain whose every subdomain serves HTTPS.</summary>
    public bool HstsIncludeSubDomains { get; set; }

    internal string? StrictTransportSecurity() => HstsMaxAgeSeconds switch
    {
        0 => null,
        var seconds when HstsIncludeSubDomains => $"max-age={seconds}; includeSubDomains",
        var seconds => $"max-age={seconds}",
    };

    internal string? Problem() => HstsMaxAgeSeconds < 0
        ? $"SecurityHeaders:HstsMaxAgeSeconds {HstsMaxAgeSeconds} must not be negative; set SecurityHeaders__HstsMaxAgeSeconds "
            + $"(default {DefaultHstsMaxAgeSeconds}, 0 sends no Strict-Transport-Security header)."
        : null;

    internal sealed class Validator : IValidateOptions<SecurityHeadersSettings>
    {
        public ValidateOptionsResult Validate(string? name, SecurityHeadersSettings options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
