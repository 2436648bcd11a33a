using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PersonaMedia.WebApi.Infrastructure;

internal static class HealthEndpoints
{
    /// <summary>
    /// <c>/health</c> and <c>/health/live</c> say the process serves requests (no dependency is
    /// asked); <c>/health/ready</c> also runs the checks tagged ready (database, file store), 503 if
    /// any fails. Mapped as GET endpoints over <see cref="HealthCheckService"/> rather than with
    /// <c>MapHealthChecks</c>, so they appear in the OpenAPI document and answer other methods with 405.
    /// </summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("", (HealthCheckService checks, HttpContext context) => ReportAsync(checks, context, ready: false))
            .WithName("getHealth")
            .WithSummary("Whether the service is up")
            .WithDescription("`{\"status\": \"healthy\"}` while the process serves requests; no dependency is asked.")
            .Produces<HealthResponse>();
        health.MapGet("/live", (HealthCheckService checks, HttpContext context) => ReportAsync(checks, context, ready: false))
            .WithName("getLiveness")
            .WithSummary("Liveness")
            .WithDescription("Whether the process serves requests; no dependency is asked.")
            .Produces<HealthResponse>();
        health.MapGet("/ready", (HealthCheckService checks, HttpContext context) => ReportAsync(checks, context, ready: true))
            .WithName("getReadiness")
            .WithSummary("Readiness")
            .WithDescription("Whether the database and the file store are reachable, with each check's state; 503 when one is not. `degraded` (still 200) while the store and the database disagree: see the README's reconciler.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReportAsync(HealthCheckService checks, HttpContext context, bool ready)
    {
        var report = await checks.CheckHealthAsync(
            check => ready && check.Tags.Contains(PersonaMedia.Infrastructure.DependencyInjection.ReadyTag),
            context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        var body = new HealthResponse(
            StatusText(report.Status),
            report.Entries.Count > 0 ? report.Entries.ToDictionary(e => e.Key, e => StatusText(e.Value.Status)) : null);
        return TypedResults.Json(
            body,
            statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static string StatusText(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    /// <summary><c>{"status": "healthy"}</c>, with each check's state on the readiness endpoint.</summary>
    internal sealed record HealthResponse(
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Checks = null);
}
