using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.WebApi.Infrastructure.Abuse;

/// <summary>
/// <c>RateLimiting:AccountSignIn</c> with the limiters of System.Threading.RateLimiting, counting
/// failures only. Two windows: failures of one account from one client address (small: five), and
/// failures of one account from everywhere (large: a hundred). The first stops one client guessing
/// and cannot lock the owner out, who signs in from another address; the second stops a guess
/// spread over many addresses, and to trip it an attacker needs that many failures, so at least
/// (account limit ÷ address limit) addresses of their own, and it ends with the window. A sign-in
/// held back is refused before its password is hashed, right or wrong, so the limit cannot be
/// probed for the right password.
/// </summary>
public sealed class SignInThrottle : ISignInThrottle, IDisposable
{
    private readonly IHttpContextAccessor _http;
    private readonly bool _enabled;
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInThrottle(IOptions<RateLimitingSettings> options, IHttpContextAccessor http)
    {
        _http = http;
        var settings = options.Value;
        _enabled = settings.Enabled;
        var limits = settings.AccountSignIn;
        _perAddress = Failures(limits.FailuresPerAddress, limits.WindowSeconds);
        _perAccount = Failures(limits.FailuresPerAccount, limits.WindowSeconds);
    }

    public void EnsureAllowed(string account)
    {
        if (!_enabled)
        {
            return;
        }

        // Zero permits asks whether any are left, without taking one.
        using var fromHere = _perAddress.AttemptAcquire(PairKey(account), 0);
        using var fromAnywhere = _perAccount.AttemptAcquire(account, 0);
        foreach (var lease in new[] { fromHere, fromAnywhere })
        {
            if (!lease.IsAcquired)
            {
                var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                throw new TooManyRequestsException(
                    $"Too many failed sign-ins to this account. Try again in {seconds} second{(seconds == 1 ? string.Empty : "s")}.", seconds);
            }
        }
    }

    public void RecordFailure(string account)
    {
        if (!_enabled)
        {
            return;
        }

        _perAddress.AttemptAcquire(PairKey(account)).Dispose();
        _perAccount.AttemptAcquire(account).Dispose();
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
    }

    private string PairKey(string account) =>
        string.Create(CultureInfo.InvariantCulture, $"{(_http.HttpContext is { } http ? RateLimits.ClientAddress(http) : "unknown")} {account}");

    private static PartitionedRateLimiter<string> Failures(int permits, int windowSeconds) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
