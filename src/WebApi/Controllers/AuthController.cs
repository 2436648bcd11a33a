using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Auth.Commands.ChangePassword;
using PersonaMedia.Application.Auth.Commands.Login;
using PersonaMedia.Application.Auth.Commands.Logout;
using PersonaMedia.Application.Auth.Commands.Refresh;
using PersonaMedia.Application.Auth.Commands.Register;
using PersonaMedia.Application.Auth.Queries.GetCurrentUser;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.WebApi.Infrastructure.Abuse;

namespace PersonaMedia.WebApi.Controllers;

[Route("auth")]
[Tags("Auth")]
public sealed class AuthController(ISender sender) : ApiControllerBase
{
    [HttpPost("register")]
    [EndpointName("register")]
    [EndpointSummary("Create an account")]
    [EndpointDescription("Registers a user and answers an access token for it. The email and the username must not be registered yet, compared without case (409).")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    [Consumes("application/json")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<TokenResponse> Register(RegisterCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    [HttpPost("login")]
    [EndpointName("login")]
    [EndpointSummary("Sign in")]
    [EndpointDescription("Answers an access token for an email and password. An unknown email and a wrong password get the same 401.")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    [Consumes("application/json")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<TokenResponse> Login(LoginCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    [HttpPost("refresh")]
    [EndpointName("refreshToken")]
    [EndpointSummary("Get a new token pair")]
    [EndpointDescription("Exchanges a refresh token for a new access token and a new refresh token of the same session; the one sent is used up. A refresh token sent a second time revokes its whole session (it was copied). Unknown, used, revoked or expired: 401.")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    [Consumes("application/json")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<TokenResponse> Refresh(RefreshTokenCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    [HttpPost("logout")]
    [EndpointName("logout")]
    [EndpointSummary("Sign out")]
    [EndpointDescription("Revokes the session of the refresh token: it and every token refreshed from it stop working. The access token in hand stays valid until it expires. The same 200 for a token that is unknown or already revoked.")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    [Consumes("application/json")]
    [ProducesResponseType<DetailResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<DetailResponse> Logout(LogoutCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    [HttpPost("password")]
    [EndpointName("changePassword")]
    [EndpointSummary("Change the password")]
    [EndpointDescription("Changes the signed-in user's password after checking the current one (400 naming `current_password` when it is wrong). Every session is ended: all refresh tokens are revoked and every access token issued before is refused. The answer is a new token pair.")]
    [EnableRateLimiting(RateLimits.SignIn)]
    [Consumes("application/json")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<TokenResponse> ChangePassword(ChangePasswordCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    [HttpGet("me")]
    [EndpointName("getCurrentUser")]
    [EndpointSummary("The signed-in user")]
    [EndpointDescription("The account the bearer token belongs to.")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<UserDto> Me(CancellationToken cancellationToken) =>
        await sender.Send(new GetCurrentUserQuery(), cancellationToken);
}
