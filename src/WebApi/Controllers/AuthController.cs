using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Auth.Commands.Login;
using PersonaMedia.Application.Auth.Commands.Register;
using PersonaMedia.Application.Auth.Queries.GetCurrentUser;
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

    [HttpGet("me")]
    [EndpointName("getCurrentUser")]
    [EndpointSummary("The signed-in user")]
    [EndpointDescription("The account the bearer token belongs to.")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<UserDto> Me(CancellationToken cancellationToken) =>
        await sender.Send(new GetCurrentUserQuery(), cancellationToken);
}
