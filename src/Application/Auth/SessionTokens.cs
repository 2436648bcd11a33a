using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth;

/// <summary>
/// Issues the token pair of a session: an access token, and a refresh token recorded (as its hash)
/// in the session's family.
/// </summary>
public sealed class SessionTokens(ITokenService tokens, IRefreshTokenRepository refreshTokens, TimeProvider clock)
{
    /// <summary>A new session (a sign-in): its refresh token is added to the unit of work, which the caller saves.</summary>
    public TokenResponse Issue(User user)
    {
        var (response, refreshToken) = Create(user, Guid.NewGuid());
        refreshTokens.Add(refreshToken);
        return response;
    }

    /// <summary>The next pair of session <paramref name="familyId"/>, and the refresh token's row, not yet recorded anywhere.</summary>
    public (TokenResponse Response, RefreshToken RefreshToken) Create(User user, Guid familyId)
    {
        var access = tokens.CreateAccessToken(user.Id, user.Username, user.SecurityStamp);
        var (refresh, hash) = tokens.CreateRefreshToken();
        var row = RefreshToken.Issue(user.Id, familyId, hash, user.SecurityStamp, clock.GetUtcNow().UtcDateTime, tokens.RefreshTokenLifetime);
        return (new TokenResponse(access.Token, TokenResponse.BearerTokenType, access.ExpiresInSeconds, refresh), row);
    }
}
