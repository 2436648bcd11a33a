using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Auth.Commands.Refresh;

public sealed record RefreshTokenCommand(string? RefreshToken) : ICommand<TokenResponse>
{
    public override string ToString() => nameof(RefreshTokenCommand);
}

/// <summary>
/// Exchanges a refresh token for a new pair in the same session (rotation). The token is used up in
/// one conditional UPDATE whose row count decides; a token presented after it was used (by another
/// request, or long ago) is a copy in someone else's hands, and the whole session is revoked, the
/// new token its rightful holder got included. Every refusal is the same 401.
/// </summary>
public sealed partial class RefreshTokenCommandHandler(
    IRefreshTokenRepository refreshTokens,
    IUserRepository users,
    IUnitOfWork unitOfWork,
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

        if (token.UsedAt is not null || !await refreshTokens.TryUseAsync(token.Id, now, cancellationToken))
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, now, CancellationToken.None);
            LogReuse(logger, token.UserId, token.FamilyId);
            throw new AuthenticationFailedException(Invalid);
        }

        var user = await users.FindAsync(token.UserId, cancellationToken);
        if (user is null || user.SecurityStamp != token.SecurityStamp)
        {
            // The account is gone, or its password changed since this session began.
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, now, CancellationToken.None);
            throw new AuthenticationFailedException(Invalid);
        }

        var response = sessions.Issue(user, token.FamilyId);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        // A reuse of this same token may have revoked the session while the new token was being
        // written, and missed it; then the session is over for the new token too.
        if (await refreshTokens.IsFamilyRevokedAsync(token.FamilyId, cancellationToken))
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, now, CancellationToken.None);
            throw new AuthenticationFailedException(Invalid);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A used refresh token of user {UserId} was presented again; session {FamilyId} revoked")]
    private static partial void LogReuse(ILogger logger, int userId, Guid familyId);
}
