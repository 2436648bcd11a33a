namespace PersonaMedia.Application.Auth;

public static class TokenLimits
{
    /// <summary>Issued refresh tokens are 43 characters (32 random bytes, base64url); anything much longer is not one.</summary>
    public const int RefreshTokenMaxLength = 200;
}
