using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>
/// Mints access tokens the way an attacker or a misconfigured client might: right or wrong key,
/// issuer, audience, algorithm and lifetime. The defaults produce a token the test app accepts.
/// </summary>
public static class Tokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <param name="subject">The <c>sub</c> claim; null leaves it out.</param>
    /// <param name="expires">When the token expires; by default in ten minutes.</param>
    /// <param name="lifetime">From <c>iat</c> to <c>exp</c>; by default ten minutes, within the service's 15.</param>
    /// <param name="issuedAt">The <c>iat</c> claim, when not <paramref name="expires"/> less <paramref name="lifetime"/>.</param>
    /// <param name="withoutIssuedAt">Leaves <c>iat</c> out.</param>
    /// <param name="headers">Further header members, such as <c>crit</c>.</param>
    public static string Create(
        string? subject,
        DateTime? expires = null,
        string signingKey = TestApp.SigningKey,
        string issuer = TestApp.Issuer,
        string audience = TestApp.Audience,
        string algorithm = SecurityAlgorithms.HmacSha256,
        string? securityStamp = null,
        TimeSpan? lifetime = null,
        DateTime? issuedAt = null,
        bool withoutIssuedAt = false,
        IDictionary<string, object>? headers = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var issued = issuedAt ?? expiry - (lifetime ?? TimeSpan.FromMinutes(10));
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")) };
        if (subject is not null)
        {
            claims.Add(new Claim(JwtRegisteredClaimNames.Sub, subject));
        }

        if (securityStamp is not null)
        {
            claims.Add(new Claim("sst", securityStamp));
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = withoutIssuedAt ? null : issued,
            NotBefore = issued < DateTime.UtcNow ? issued : DateTime.UtcNow.AddSeconds(-1),
            AdditionalHeaderClaims = headers,
            Expires = expiry,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), algorithm),
        });
    }

    /// <summary>A valid token for the user: their id and the security stamp the service put in their own token.</summary>
    public static string For(UserClient user) =>
        Create(user.Id.ToString(CultureInfo.InvariantCulture), securityStamp: SecurityStampOf(user.Token));

    /// <summary>The security stamp (<c>sst</c>) an issued token carries.</summary>
    public static string SecurityStampOf(string token) => new JsonWebToken(token).GetClaim("sst").Value;

    /// <summary>
    /// An unsigned token (<c>"alg": "none"</c>, empty signature) that is otherwise valid for the user:
    /// the classic attack on validators that trust the token's own header.
    /// </summary>
    public static string WithoutSignature(int userId)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" });
        var now = DateTimeOffset.UtcNow;
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = userId.ToString(CultureInfo.InvariantCulture),
            ["iss"] = TestApp.Issuer,
            ["aud"] = TestApp.Audience,
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        });
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }
}
