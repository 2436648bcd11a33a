using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Auth.Commands.Login;

public sealed record LoginCommand(string? Email, string? Password) : ICommand<TokenResponse>
{
    public override string ToString() => $"{nameof(LoginCommand)} {{ Email = {Email} }}";
}

public sealed class LoginCommandHandler(IUserRepository users, IPasswordHasher passwordHasher, SessionTokens sessions, IUnitOfWork unitOfWork)
    : ICommandHandler<LoginCommand, TokenResponse>
{
    /// <summary>The one answer for an unknown email and a wrong password, so neither can be told apart.</summary>
    public const string InvalidCredentials = "Incorrect email or password";

    public async ValueTask<TokenResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email!, cancellationToken);

        // Verify even when the user is unknown (against a dummy hash), so both failures take as long.
        if (!await passwordHasher.VerifyAsync(user?.PasswordHash, command.Password!, cancellationToken) || user is null)
        {
            throw new AuthenticationFailedException(InvalidCredentials);
        }

        var response = sessions.Issue(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return response;
    }
}
