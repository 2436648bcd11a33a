using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Settings;
using PersonaMedia.WebApi.Infrastructure.Telemetry;

namespace PersonaMedia.WebApi.Infrastructure.Abuse;

/// <summary>
/// ASP.NET Core's rate limiter, configured from <see cref="RateLimitingSettings"/>: sign-in per client
/// address, everything signed-in per user, uploads by how many are received at once. A refusal is
/// 429 problem+json with <c>Retry-After</c>. The client address is the connection's, or what a
/// configured proxy (<see cref="ForwardedHeadersSettings"/>) says it forwarded for; an
/// <c>X-Forwarded-For</c> from anyone else is ignored.
/// </summary>
public static class RateLimits
{
    /// <summary>Per client address: <c>/auth/register</c>, <c>/auth/login</c> and the other anonymous auth endpoints.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Per signed-in user: every endpoint that needs a token (see <c>ApiControllerBase</c>).</summary>
    public const string PerUser = "per-user";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<RateLimitingSettings>(configuration.GetSection(RateLimitingSettings.SectionName), s => s.Problems());
        services.AddValidatedSettings<ForwardedHeadersSettings>(
            configuration.GetSection(ForwardedHeadersSettings.SectionName), s => s.Problems());

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; here only what is configured is trusted. Without a limit,
            // a chain of configured proxies is walked back to the first address none of them owns.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = null;
            foreach (var proxy in settings.Value.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.Value.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });

        services.AddSingleton<ISignInThrottle, SignInThrottle>();
        services.AddSingleton<UploadsPerUser>();
        services.Configure<MvcOptions>(options => options.Filters.Add<UploadsPerUserFilter>());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingSettings>>((options, settings) => Configure(options, settings.Value));
        return services;
    }

    /// <summary>
    /// The client address, first (before anything reads it): the forwarded one only from configured
    /// proxies. Without any, the middleware is left out, because with empty lists it would believe
    /// every sender's X-Forwarded-For.
    /// </summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        return proxies.KnownProxies.Count + proxies.KnownNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    private static void Configure(RateLimiterOptions options, RateLimitingSettings settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = WriteRejectionAsync;
        if (!settings.Enabled)
        {
            options.AddPolicy(SignIn, _ => RateLimitPartition.GetNoLimiter(string.Empty));
            options.AddPolicy(PerUser, _ => RateLimitPartition.GetNoLimiter(string.Empty));
            return;
        }

        options.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress(http), _ => Window(settings.SignIn)));

        // Requests that reach it without a user are the anonymous actions of these controllers (the
        // signed media URLs, whose token is the credential); they are not counted.
        options.AddPolicy(PerUser, http => http.User.GetUserId() is { } userId
            ? RateLimitPartition.GetFixedWindowLimiter(userId.ToString(CultureInfo.InvariantCulture), _ => Window(settings.User))
            : RateLimitPartition.GetNoLimiter(string.Empty));

        // Every upload holds a permit while its body streams in, whoever sends it: a flood of bodies
        // waits in a bounded queue (oldest first) instead of taking every thread, socket and disk.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.GetEndpoint()?.Metadata.GetMetadata<BoundedUploadAttribute>() is null
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetConcurrencyLimiter("uploads", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = settings.Uploads.MaxConcurrent,
                    QueueLimit = settings.Uploads.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
    }

    private static FixedWindowRateLimiterOptions Window(RateLimitingSettings.WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// The partition of a client address. An IPv6 client is one /64 (what one subscriber usually
    /// gets), or a single host could walk through its 2^64 addresses and never be limited.
    /// </summary>
    internal static string ClientAddress(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // Refused before the upload's own filters ran: the upload metric counts it here, or a flood of
        // refused uploads would not show in it at all.
        if (http.GetEndpoint()?.Metadata.GetMetadata<MeasureUploadAttribute>() is { } upload)
        {
            http.RequestServices.GetRequiredService<MediaMetrics>().UploadRefused(upload.MediaType, UploadOutcome.RateLimited);
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                Title = "Too Many Requests",
                Detail = $"Too many requests. Try again in {seconds} second{(seconds == 1 ? string.Empty : "s")}.",
            },
        });
    }
}

/// <summary>Marks an action whose requests count towards <c>RateLimiting:Uploads</c> (received at once, over all users).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BoundedUploadAttribute : Attribute;
