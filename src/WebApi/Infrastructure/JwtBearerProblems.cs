using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// JwtBearer's challenge answers 401 with an empty body; this gives it the same problem+json body
/// as every other error, with the RFC 6750 <c>WWW-Authenticate</c> header.
/// </summary>
internal static class JwtBearerProblems
{
    public static string Challenge(string? error) =>
        error is null ? "Bearer" : $"Bearer error=\"{error}\"";

    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var hasToken = context.AuthenticateFailure is not null;
        var detail = context.AuthenticateFailure switch
        {
            null => "Not authenticated",
            SecurityTokenExpiredException => "Token has expired",
            _ => "Could not validate credentials",
        };

        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers[HeaderNames.WWWAuthenticate] = Challenge(hasToken ? "invalid_token" : null);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Detail = detail },
        });
    }
}
