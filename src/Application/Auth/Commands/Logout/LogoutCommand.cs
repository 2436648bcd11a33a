using FluentValidation;
using Mediator;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;

namespace PersonaMedia.Application.Auth.Commands.Logout;

public sealed record LogoutCommand(string? RefreshToken) : ICommand<DetailResponse>
{
    public override string ToString() => nameof(LogoutCommand);
}

/// <summary>
/// Ends the session the refresh token belongs to: every token of its family is revoked. The answer is
/// the same for a token that is unknown, already revoked or expired, so it tells nobody anything.
/// </summary>
public sealed class LogoutCommandHandler(IRefreshTokenRepository refreshTokens, ITokenService tokens, TimeProvider clock)
    : ICommandHandler<LogoutCommand, DetailResponse>
{
    public async ValueTask<DetailResponse> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        if (await refreshTokens.FindByHashAsync(tokens.HashRefreshToken(command.RefreshToken!), cancellationToken) is { } token)
        {
            await refreshTokens.RevokeFamilyAsync(token.UserId, token.FamilyId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        return new DetailResponse("Logged out");
    }
}

public sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator()
    {
        RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(TokenLimits.RefreshTokenMaxLength);
    }
}
