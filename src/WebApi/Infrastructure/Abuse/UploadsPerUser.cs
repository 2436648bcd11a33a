using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Exceptions;

namespace PersonaMedia.WebApi.Infrastructure.Abuse;

/// <summary>
/// <c>RateLimiting:UploadsPerUser</c>: upload requests and upload bytes per user and hour,
/// fixed windows of System.Threading.RateLimiting. Checked as a resource filter of the upload actions,
/// so after the upload bound of the rate-limiting middleware let the request in (a request waiting in
/// that queue is not charged twice) and before a byte of the body is read. Bytes are KiB permits,
/// charged what the upload declares (its Content-Length; the largest body accepted when it declares
/// none, as a chunked body does), whether or not it is then stored: receiving is what costs.
/// </summary>
public sealed class UploadsPerUser : IDisposable
{
    private const int KiB = 1024;

    private readonly bool _enabled;
    private readonly int _kibLimit;
    private readonly PartitionedRateLimiter<int> _requests;
    private readonly PartitionedRateLimiter<int> _kib;

    public UploadsPerUser(IOptions<RateLimitingSettings> options)
    {
        var settings = options.Value;
        _enabled = settings.Enabled;
        var limits = settings.UploadsPerUser;
        var window = TimeSpan.FromHours(1);
        _kibLimit = (int)Math.Min(int.MaxValue, limits.BytesPerHour / KiB);
        _requests = Windows(limits.RequestsPerHour, window);
        _kib = Windows(_kibLimit, window);
    }

    /// <summary>Charges one upload of the user; throws <see cref="TooManyRequestsException"/> when either window is used up.</summary>
    public void Charge(int userId, long? declaredLength)
    {
        if (!_enabled)
        {
            return;
        }

        // Whether a request is left is asked first (zero permits takes none), so that a refusal for
        // either reason leaves the other window as it was.
        using (var left = _requests.AttemptAcquire(userId, 0))
        {
            ThrowIfRefused(left, "Too many uploads in this hour");
        }

        using (var bytes = _kib.AttemptAcquire(userId, ChargeKiB(declaredLength)))
        {
            ThrowIfRefused(bytes, "Too many upload bytes in this hour");
        }

        using var request = _requests.AttemptAcquire(userId);
        ThrowIfRefused(request, "Too many uploads in this hour");
    }

    /// <summary>The KiB an upload is charged: what it declares, at most the largest body accepted (and at most the whole window).</summary>
    internal int ChargeKiB(long? declaredLength)
    {
        var declared = declaredLength is >= 0 ? declaredLength.Value : UploadFormLimits.MaxRequestBodyBytes;
        return (int)Math.Min(_kibLimit, (Math.Min(declared, UploadFormLimits.MaxRequestBodyBytes) + KiB - 1) / KiB);
    }

    public void Dispose()
    {
        _requests.Dispose();
        _kib.Dispose();
    }

    private static void ThrowIfRefused(RateLimitLease lease, string what)
    {
        if (lease.IsAcquired)
        {
            return;
        }

        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        throw new TooManyRequestsException(
            string.Create(CultureInfo.InvariantCulture, $"{what}. Try again in {seconds} second{(seconds == 1 ? string.Empty : "s")}."), seconds);
    }

    private static PartitionedRateLimiter<int> Windows(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<int, int>(userId => RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}

/// <summary>Applies <see cref="UploadsPerUser"/> to the actions marked <see cref="BoundedUploadAttribute"/>, right inside the upload metric.</summary>
internal sealed class UploadsPerUserFilter(UploadsPerUser limits) : IAsyncResourceFilter, IOrderedFilter
{
    /// <summary>Just inside <c>MeasureUploadAttribute</c> (<see cref="int.MinValue"/>), so its refusals are counted.</summary>
    public int Order => int.MinValue + 1;

    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<BoundedUploadAttribute>() is not null && http.User.GetUserId() is { } userId)
        {
            limits.Charge(userId, http.Request.ContentLength);
        }

        return next();
    }
}
