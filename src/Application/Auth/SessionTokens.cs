using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth;

/// <summary>
/// Issues the token pair of a session: an access token, and a refresh token recorded (as its hash)
/// in the session's family. The caller saves the unit of work.
/// </summary>
public sealed class SessionTokens(ITokenService tokens, IRefreshTokenRepository refreshTokens, TimeProvider clock)
{
    /// <param name="familyId">The session a refresh continues; null starts a new one (a sign-in).</param>
    public TokenResponse Issue(User user, Guid? familyId = null)
    {
        var access = tokens.CreateAccessToken(user.Id, user.Username, user.SecurityStamp);
        var (refresh, hash) = tokens.CreateRefreshToken();
        refreshTokens.Add(RefreshToken.Issue(
            user.Id, familyId ?? Guid.NewGuid(), hash, user.SecurityStamp, clock.GetUtcNow().UtcDateTime, tokens.RefreshTokenLifetime));
        return new TokenResponse(access.Token, TokenResponse.BearerTokenType, access.ExpiresInSeconds, refresh);
    }
}
