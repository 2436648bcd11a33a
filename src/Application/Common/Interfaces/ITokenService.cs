namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Issues the bearer tokens that the API's authentication then validates, and the refresh tokens beside them.</summary>
public interface ITokenService
{
    /// <summary>
    /// A signed access token for the user, carrying the account's security stamp: when the stamp
    /// changes (a new password), every token issued before stops being accepted.
    /// </summary>
    AccessToken CreateAccessToken(int userId, string username, string securityStamp);

    /// <summary>A new random refresh token, and the hash under which it is kept.</summary>
    (string Token, string Hash) CreateRefreshToken();

    /// <summary>The hash a presented refresh token is looked up by.</summary>
    string HashRefreshToken(string token);

    /// <summary>How long a refresh token lives unused (<c>Jwt:RefreshTokenDays</c>).</summary>
    TimeSpan RefreshTokenLifetime { get; }
}

public sealed record AccessToken(string Token, int ExpiresInSeconds);
