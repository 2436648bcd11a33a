using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 password hasher (V3 format) behind the application's port, at most
/// <see cref="PasswordHashingOptions.MaxConcurrent"/> hashes at once (the rest wait their turn, oldest
/// first, in a bounded queue).
/// </summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher, IDisposable
{
    private readonly PasswordHasher<User> _hasher = new();
    private readonly ConcurrencyLimiter _turns;

    // Verified against when the user is unknown, so a login costs the same whether or not the email exists.
    private readonly Lazy<string> _dummyHash;

    public IdentityPasswordHasher(IOptions<PasswordHashingOptions> options)
    {
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(null!, Guid.NewGuid().ToString()));
        _turns = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrent,
            QueueLimit = options.Value.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        using var turn = await TakeTurnAsync(cancellationToken);
        return _hasher.HashPassword(null!, password);
    }

    public async ValueTask<bool> VerifyAsync(string? passwordHash, string password, CancellationToken cancellationToken)
    {
        using var turn = await TakeTurnAsync(cancellationToken);
        var result = _hasher.VerifyHashedPassword(null!, passwordHash ?? _dummyHash.Value, password);
        return passwordHash is not null && result != PasswordVerificationResult.Failed;
    }

    public void Dispose() => _turns.Dispose();

    private async ValueTask<RateLimitLease> TakeTurnAsync(CancellationToken cancellationToken)
    {
        var lease = await _turns.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ServiceUnavailableException(
                "Too many sign-ins are being checked at once; try again in a moment.", retryAfterSeconds: 1);
        }

        return lease;
    }
}
