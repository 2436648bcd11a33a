using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Refresh tokens, found by their hash. Using one up and revoking are single conditional statements,
/// so of two requests presenting one token exactly one can use it (the other is a reuse).
/// </summary>
public interface IRefreshTokenRepository
{
    void Add(RefreshToken token);

    Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the token used, only if it is still unused, unrevoked and unexpired at <paramref name="now"/>,
    /// in one statement; false when another request used it first (or it was revoked meanwhile).
    /// </summary>
    Task<bool> TryUseAsync(long tokenId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Whether any token of the session has been revoked (the session is then over).</summary>
    Task<bool> IsFamilyRevokedAsync(Guid familyId, CancellationToken cancellationToken);

    /// <summary>Revokes every token of the session that is not revoked yet.</summary>
    Task RevokeFamilyAsync(Guid familyId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Revokes every token of every session of the user.</summary>
    Task RevokeAllOfUserAsync(int userId, DateTime now, CancellationToken cancellationToken);
}
