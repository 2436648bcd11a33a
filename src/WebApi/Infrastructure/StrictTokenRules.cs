using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using PersonaMedia.Infrastructure.Identity;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// What the JwtBearer handler does not check by itself, checked after the signature and before the
/// account is looked up: a token we issued never carries <c>crit</c>, always carries <c>iat</c>, was
/// not issued in the future, and lives no longer than <c>Jwt:AccessTokenMinutes</c>. A token that
/// breaks one of these was not made by this service (or by a key that leaked and is used to mint
/// long-lived tokens), so it is refused like any other invalid token.
/// </summary>
internal static class StrictTokenRules
{
    /// <summary>How far the clocks of the issuer and this replica may disagree, for <c>exp</c>, <c>nbf</c> and <c>iat</c> alike.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Fails the context and answers false when the token breaks a rule; true when it may go on to the account check.</summary>
    public static bool Pass(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var maxLifetime = TimeSpan.FromMinutes(services.GetRequiredService<IOptions<JwtOptions>>().Value.AccessTokenMinutes);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail("The token is not a JSON web token.");
            return false;
        }

        if (Problem(token, now, maxLifetime) is { } problem)
        {
            context.Fail(problem);
            return false;
        }

        return true;
    }

    /// <summary>Why the token must be refused, or null.</summary>
    internal static string? Problem(JsonWebToken token, DateTime now, TimeSpan maxLifetime)
    {
        // RFC 7515 §4.1.11: a recipient that does not understand an extension listed in crit must
        // refuse the token. This service understands none.
        if (token.TryGetHeaderValue<object>("crit", out _))
        {
            return "The token names critical header extensions.";
        }

        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out _))
        {
            return "The token has no issue time.";
        }

        var issuedAt = token.IssuedAt;
        if (issuedAt > now + ClockSkew)
        {
            return "The token was issued in the future.";
        }

        if (token.ValidTo - issuedAt > maxLifetime)
        {
            return "The token lives longer than this service issues tokens for.";
        }

        return null;
    }
}
