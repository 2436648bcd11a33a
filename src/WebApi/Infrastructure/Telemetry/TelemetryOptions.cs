namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>The <c>Telemetry</c> configuration section: metrics, traces and where they go.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";
    public const int DefaultMetricsPort = 9464;

    /// <summary>
    /// OpenTelemetry on (metrics on <c>/metrics</c>, traces when an OTLP endpoint is set). Off, no
    /// instrument is listened to and nothing is exported; logs are unaffected.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The local port on which <c>/metrics</c> answers, and only there: the service must also listen on it
    /// (<c>ASPNETCORE_HTTP_PORTS=8080;9464</c>, as the image does), and it is never published with the API.
    /// On the API's own port <c>/metrics</c> is a 404.
    /// </summary>
    public int MetricsPort { get; set; } = DefaultMetricsPort;

    public IEnumerable<string> Problems()
    {
        if (MetricsPort is < 1 or > 65535)
        {
            yield return $"Telemetry:MetricsPort {MetricsPort} is not a port: use 1-65535 (set Telemetry__MetricsPort; default {DefaultMetricsPort}).";
        }
    }
}
