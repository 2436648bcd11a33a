namespace PersonaMedia.Application.Auth;

/// <summary>What register and login answer: an OAuth2-style bearer token.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn)
{
    public const string BearerTokenType = "bearer";
}
