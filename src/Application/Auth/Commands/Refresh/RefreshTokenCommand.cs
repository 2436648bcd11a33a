using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth.Commands.Refresh;

public sealed record RefreshTokenCommand(string? RefreshToken) : ICommand<TokenResponse>
{
    public override string ToString() => nameof(RefreshTokenCommand);
}

/// <summary>
/// Exchanges a refresh token for a new pair in the same session (rotation). The exchange is one
/// transaction under the account's row lock (<see cref="IRefreshTokenRepository.RotateAsync"/>), so it
/// and any revocation of the session happen one after the other, never interleaved. A token
/// presented after it was used (by another request, or long ago) is a copy in someone else's hands,
/// and the whole session is revoked, the new token its rightful holder got included. Every refusal
/// is the same 401.
/// </summary>
public sealed partial class RefreshTokenCommandHandler(
    IRefreshTokenRepository refreshTokens,
    IUserRepository users,
    ITokenService tokens,
    SessionTokens sessions,
    TimeProvider clock,
    ILogger<RefreshTokenCommandHandler> logger) : ICommandHandler<RefreshTokenCommand, TokenResponse>
{
    public const string Invalid = "The refresh token is not valid; sign in again.";

    public async ValueTask<TokenResponse> Handle(RefreshTokenCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await refreshTokens.FindByHashAsync(tokens.HashRefreshToken(command.RefreshToken!), cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            throw new AuthenticationFailedException(Invalid);
        }

        if (token.UsedAt is not null)
        {
            throw await EndSessionAsync(token, now, reused: true);
        }

        var user = await users.FindAsync(token.UserId, cancellationToken);
        if (user is null || user.SecurityStamp != token.SecurityStamp)
        {
            // The account is gone, or its password changed since this session began.
            throw await EndSessionAsync(token, now, reused: false);
        }

        var (response, next) = sessions.Create(user, token.FamilyId);
        return await refreshTokens.RotateAsync(token, next, now, cancellationToken) switch
        {
            RotationOutcome.Rotated => response,
            RotationOutcome.AccountChanged => throw await EndSessionAsync(token, now, reused: false),
            // Another request used it first (a copy), or the session was revoked meanwhile.
            _ => throw await EndSessionAsync(token, now, reused: true),
        };
    }

    /// <summary>Revokes the token's whole session (whatever the client does next) and answers the refusal to throw.</summary>
    private async Task<AuthenticationFailedException> EndSessionAsync(RefreshToken token, DateTime now, bool reused)
    {
        await refreshTokens.RevokeFamilyAsync(token.UserId, token.FamilyId, now, CancellationToken.None);
        if (reused)
        {
            LogReuse(logger, token.UserId, token.FamilyId);
        }

        return new AuthenticationFailedException(Invalid);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A used refresh token of user {UserId} was presented again; session {FamilyId} revoked")]
    private static partial void LogReuse(ILogger logger, int userId, Guid familyId);
}
