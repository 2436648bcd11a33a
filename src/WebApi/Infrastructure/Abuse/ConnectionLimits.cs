using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.WebApi.Infrastructure.Abuse;

/// <summary>
/// The <c>Connections</c> section: how long Kestrel waits for a slow or idle client before it hangs up.
/// A connection that trickles its headers (slow loris), sends its body or reads its answer slower than
/// the minimum rate after the grace period, or stays idle between requests past the keep-alive
/// timeout is closed, so nobody holds sockets, threads and upload slots by being slow.
/// </summary>
public sealed class ConnectionLimitsSettings
{
    public const string SectionName = "Connections";

    /// <summary>Headers of a request must all arrive within this (Kestrel's default is 30 s).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// An idle connection between requests is closed after this. Keep it above the idle timeout of a
    /// proxy in front (nginx and most cloud balancers: 60 s), or the proxy may reuse a connection just
    /// as it is closed and answer 502.
    /// </summary>
    public int KeepAliveTimeoutSeconds { get; set; } = 75;

    /// <summary>A request body slower than this (averaged, counted only while the service is reading) is cut off: 408.</summary>
    public int MinRequestBodyBytesPerSecond { get; set; } = 1024;

    public int MinRequestBodyGraceSeconds { get; set; } = 10;

    /// <summary>A client that reads the answer slower than this is cut off (a slow reader holding a download).</summary>
    public int MinResponseBytesPerSecond { get; set; } = 240;

    public int MinResponseGraceSeconds { get; set; } = 10;

    public IEnumerable<string> Problems()
    {
        foreach (var (name, value, min, max) in new[]
        {
            (nameof(RequestHeadersTimeoutSeconds), RequestHeadersTimeoutSeconds, 1, 600),
            (nameof(KeepAliveTimeoutSeconds), KeepAliveTimeoutSeconds, 1, 3600),
            (nameof(MinRequestBodyBytesPerSecond), MinRequestBodyBytesPerSecond, 1, 100 * 1024 * 1024),
            (nameof(MinRequestBodyGraceSeconds), MinRequestBodyGraceSeconds, 1, 600),
            (nameof(MinResponseBytesPerSecond), MinResponseBytesPerSecond, 1, 100 * 1024 * 1024),
            (nameof(MinResponseGraceSeconds), MinResponseGraceSeconds, 1, 600),
        })
        {
            if (value < min || value > max)
            {
                yield return $"{SectionName}:{name} {value} must lie between {min} and {max}; set {SectionName}__{name}.";
            }
        }
    }
}

public static class ConnectionLimits
{
    /// <summary>Kestrel's limits for slow and idle clients, from <see cref="ConnectionLimitsSettings"/>.</summary>
    public static IServiceCollection AddConnectionLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ConnectionLimitsSettings>(configuration.GetSection(ConnectionLimitsSettings.SectionName), s => s.Problems());
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ConnectionLimitsSettings>>((kestrel, settings) =>
        {
            var s = settings.Value;
            var limits = kestrel.Limits;
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(s.RequestHeadersTimeoutSeconds);
            limits.KeepAliveTimeout = TimeSpan.FromSeconds(s.KeepAliveTimeoutSeconds);
            limits.MinRequestBodyDataRate = new MinDataRate(s.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(s.MinRequestBodyGraceSeconds));
            limits.MinResponseDataRate = new MinDataRate(s.MinResponseBytesPerSecond, TimeSpan.FromSeconds(s.MinResponseGraceSeconds));
        });
        return services;
    }
}
