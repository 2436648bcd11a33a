using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Identity;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// A signed token stays valid until it expires, but the account it names may be gone by then, may have
/// changed its password, or (after a database restore) its id may now belong to someone else. Checked
/// once per request at authentication: the token's security stamp must be the account's current one,
/// so no endpoint ever acts on a token of a deleted account, one issued before a password change, or
/// one of another account that happened to have the same id.
/// </summary>
internal static class TokenUserValidation
{
    public static async Task RejectStaleTokenAsync(TokenValidatedContext context)
    {
        if (context.Principal.GetUserId() is not { } userId)
        {
            context.Fail("The token names no user.");
            return;
        }

        var stamp = context.Principal?.FindFirst(TokenService.SecurityStampClaim)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserRepository>();
        var current = await users.GetSecurityStampAsync(userId, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.Fail("The token's user no longer exists.");
        }
        else if (stamp is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(current)))
        {
            context.Fail("The token was issued before the account's password changed, or for another account.");
        }
    }
}
