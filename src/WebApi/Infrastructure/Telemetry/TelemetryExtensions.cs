using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PersonaMedia.Infrastructure.Settings;
using PersonaMedia.Infrastructure.Telemetry;

namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>
/// Logs, metrics and traces: JSON lines on the console, OpenTelemetry metrics scraped from
/// <c>/metrics</c> on a port of their own, and traces (and metrics) sent over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_*</c> variables name an endpoint.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";
    private const string ServiceName = "personamedia";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddConsoleFormatter<JsonLinesConsoleFormatter, JsonLinesFormatterOptions>();

        var configuration = builder.Configuration;
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        var services = builder.Services;
        services.AddValidatedSettings<TelemetryOptions>(section, o => o.Problems());
        services.AddMetrics();
        services.AddSingleton<MediaMetrics>();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        var otlpMetrics = HasEndpoint(configuration, "METRICS");
        var otlpTraces = HasEndpoint(configuration, "TRACES");
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] ?? ServiceName,
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()));

        otel.WithMetrics(metrics =>
        {
            metrics
                .AddMeter(PersonaMediaMeter.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSqlClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter();
            if (otlpMetrics)
            {
                metrics.AddOtlpExporter();
            }
        });

        // Without an exporter a trace goes nowhere: spans are only recorded when one is configured. The
        // request's activity (and so the trace and span ids in the logs) exists either way.
        if (otlpTraces)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(PersonaMediaMeter.Name)
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    aspnet.Filter = context => !context.Request.Path.StartsWithSegments("/health") && context.Request.Path != MetricsPath;
                    // The path of a signed media URL is its credential: spans carry the route template instead.
                    aspnet.EnrichWithHttpResponse = (activity, response) =>
                    {
                        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                        {
                            activity.SetTag("url.path", "/" + route.TrimStart('/'));
                        }
                    };
                })
                .AddHttpClientInstrumentation()
                .AddSqlClientInstrumentation()
                // SQL Server's commands are traced by the SqlClient instrumentation; EF Core's adds SQLite's.
                .AddEntityFrameworkCoreInstrumentation(ef => ef.Filter = (provider, _) =>
                    provider != "Microsoft.EntityFrameworkCore.SqlServer")
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> on the metrics port only (off the public API: on the API's port it is a 404), then
    /// one log line per request. First in the pipeline.
    /// </summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Enabled)
        {
            var port = options.MetricsPort;
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                context => context.Connection.LocalPort == port && context.Request.Path == MetricsPath);
        }

        app.UseMiddleware<RequestLogMiddleware>();
        return app;
    }

    private static bool HasEndpoint(ConfigurationManager configuration, string signal) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"]);
}

/// <summary>Options of <see cref="JsonLinesConsoleFormatter"/> (<c>Logging:Console:FormatterOptions</c>): UTC times and the request's ids by default.</summary>
public sealed class JsonLinesFormatterOptions : ConsoleFormatterOptions
{
    public JsonLinesFormatterOptions()
    {
        UseUtcTimestamp = true;
        IncludeScopes = true;
    }
}
