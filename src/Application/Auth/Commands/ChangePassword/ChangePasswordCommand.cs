using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Auth.Commands.ChangePassword;

public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword) : ICommand<TokenResponse>
{
    public const string CurrentPasswordField = "current_password";

    public override string ToString() => nameof(ChangePasswordCommand);
}

/// <summary>
/// Changes the signed-in user's password after checking the current one. The account gets a new
/// security stamp, so every access token issued before is refused from the next request on, and
/// every refresh token of every session is revoked: the answer carries the one new session.
/// </summary>
public sealed class ChangePasswordCommandHandler(
    IUserRepository users,
    IRefreshTokenRepository refreshTokens,
    IPasswordHasher passwordHasher,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    SessionTokens sessions,
    TimeProvider clock) : ICommandHandler<ChangePasswordCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(currentUser.Id, cancellationToken)
            ?? throw new AuthenticationFailedException("User no longer exists");
        if (!await passwordHasher.VerifyAsync(user.PasswordHash, command.CurrentPassword!, cancellationToken))
        {
            // 400, not 401: the token is fine, the form is not; a client must not sign the user out for it.
            throw new ValidationException(ChangePasswordCommand.CurrentPasswordField, "The current password is not correct.");
        }

        user.ChangePassword(await passwordHasher.HashAsync(command.NewPassword!, cancellationToken));
        await refreshTokens.RevokeAllOfUserAsync(user.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var response = sessions.Issue(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return response;
    }
}
