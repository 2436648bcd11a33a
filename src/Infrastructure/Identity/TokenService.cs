using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>Issues HS256 access tokens that the JwtBearer handler validates with the same key and settings.</summary>
internal sealed class TokenService(IOptions<JwtOptions> options, SymmetricSecurityKey signingKey, TimeProvider clock)
    : ITokenService
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(signingKey, SecurityAlgorithms.HmacSha256);

    public TokenResponse CreateAccessToken(int userId, string username)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(settings.AccessTokenMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString(CultureInfo.InvariantCulture)),
                new Claim(JwtRegisteredClaimNames.UniqueName, username),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials,
        });
        return new TokenResponse(token, TokenResponse.BearerTokenType, (int)lifetime.TotalSeconds);
    }
}
