using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Refresh tokens, found by their hash. Every change to an account's sessions (a rotation, a logout,
/// a revocation for reuse or a password change) first takes the account's row lock in its own
/// transaction, so the changes of one account happen one after another, on SQL Server under read
/// committed snapshot as on SQLite: none of them can miss a token another one is writing.
/// </summary>
public interface IRefreshTokenRepository
{
    void Add(RefreshToken token);

    Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Exchanges <paramref name="used"/> for <paramref name="successor"/> in one transaction: the account's row
    /// is locked while its stamp is still the one <paramref name="used"/> was issued under, then
    /// <paramref name="used"/> is marked used only if it is still unused, unrevoked and unexpired at
    /// <paramref name="now"/>, then <paramref name="successor"/> is inserted. Nothing is written unless all three hold.
    /// </summary>
    Task<RotationOutcome> RotateAsync(RefreshToken used, RefreshToken successor, DateTime now, CancellationToken cancellationToken);

    /// <summary>Revokes every token of the user's session that is not revoked yet.</summary>
    Task RevokeFamilyAsync(int userId, Guid familyId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Revokes every token of every session of the user.</summary>
    Task RevokeAllOfUserAsync(int userId, DateTime now, CancellationToken cancellationToken);
}

/// <summary>How <see cref="IRefreshTokenRepository.RotateAsync"/> ended.</summary>
public enum RotationOutcome
{
    /// <summary>The token was used up and the next one recorded.</summary>
    Rotated,

    /// <summary>The account is gone or its security stamp changed (a password change): nothing was written.</summary>
    AccountChanged,

    /// <summary>The token was used (by a copy), revoked or expired by the time its row was locked: nothing was written.</summary>
    NotUsable,
}
