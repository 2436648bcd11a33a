using Microsoft.AspNetCore.Authentication.JwtBearer;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// A signed token stays valid until it expires, but the account it names may be gone by then. Checked
/// once per request at authentication, so no endpoint ever acts for a user that no longer exists
/// (without it, a deleted user's token could still list personas, and creating one failed with a 500).
/// </summary>
internal static class TokenUserValidation
{
    public static async Task RejectUnknownUserAsync(TokenValidatedContext context)
    {
        if (context.Principal.GetUserId() is not { } userId)
        {
            context.Fail("The token names no user.");
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<IUserRepository>();
        if (!await users.ExistsAsync(userId, context.HttpContext.RequestAborted))
        {
            context.Fail("The token's user no longer exists.");
        }
    }
}
