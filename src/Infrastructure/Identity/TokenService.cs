using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>
/// Issues HS256 access tokens under the current signing key (its <c>kid</c> in the header), which the
/// JwtBearer handler validates with every key of the set, and random refresh tokens kept as SHA-256.
/// </summary>
public sealed class TokenService(IOptions<JwtOptions> options, SigningKeySet signingKeys, TimeProvider clock)
    : ITokenService
{
    /// <summary>The claim that carries the account's security stamp.</summary>
    public const string SecurityStampClaim = "sst";

    private const int RefreshTokenBytes = 32;

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(signingKeys.Current, SecurityAlgorithms.HmacSha256);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);

    public AccessToken CreateAccessToken(int userId, string username, string securityStamp)
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
                new Claim(SecurityStampClaim, securityStamp),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials,
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }

    public (string Token, string Hash) CreateRefreshToken()
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(RefreshTokenBytes));
        return (token, HashRefreshToken(token));
    }

    /// <summary>
    /// A plain SHA-256 is enough: the token is 256 random bits, so there is nothing to guess that a slow
    /// hash would protect; the hash only makes a copy of the table useless for signing in.
    /// </summary>
    public string HashRefreshToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
