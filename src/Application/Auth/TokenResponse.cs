namespace PersonaMedia.Application.Auth;

/// <summary>
/// What register, login, refresh and a password change answer: an OAuth2-style bearer token, and the
/// refresh token that gets the next one (RFC 6749 §5.1). The first three members are the original
/// service's, unchanged.
/// </summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken)
{
    public const string BearerTokenType = "bearer";
}
