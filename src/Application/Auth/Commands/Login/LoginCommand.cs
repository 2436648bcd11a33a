using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth.Commands.Login;

public sealed record LoginCommand(string? Email, string? Password) : ICommand<TokenResponse>
{
    public override string ToString() => $"{nameof(LoginCommand)} {{ Email = {Email} }}";
}

public sealed class LoginCommandHandler(
    IUserRepository users, IPasswordHasher passwordHasher, SessionTokens sessions, IUnitOfWork unitOfWork, ISignInThrottle throttle)
    : ICommandHandler<LoginCommand, TokenResponse>
{
    /// <summary>The one answer for an unknown email and a wrong password, so neither can be told apart.</summary>
    public const string InvalidCredentials = "Incorrect email or password";

    public async ValueTask<TokenResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        // Held back before any hashing, whether the password is right or not: a limit that let the
        // right password through would tell a guesser when they found it.
        var account = EmailAddress.Normalize(command.Email!);
        throttle.EnsureAllowed(account);
        var user = await users.FindByEmailAsync(command.Email!, cancellationToken);

        // Verify even when the user is unknown (against a dummy hash), so both failures take as long.
        if (!await passwordHasher.VerifyAsync(user?.PasswordHash, command.Password!, cancellationToken) || user is null)
        {
            throttle.RecordFailure(account);
            throw new AuthenticationFailedException(InvalidCredentials);
        }

        var response = sessions.Issue(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return response;
    }
}
