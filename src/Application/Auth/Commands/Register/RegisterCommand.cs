using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth.Commands.Register;

public sealed record RegisterCommand(string? Email, string? Username, string? Password, string? FullName = null)
    : ICommand<TokenResponse>
{
    // Keeps the password out of logs that print the command.
    public override string ToString() => $"{nameof(RegisterCommand)} {{ Email = {Email}, Username = {Username} }}";
}

public sealed class RegisterCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    ITokenService tokens,
    TimeProvider clock) : ICommandHandler<RegisterCommand, TokenResponse>
{
    public const string AlreadyRegistered = "Email or username already registered";

    public async ValueTask<TokenResponse> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var (emailTaken, usernameTaken) = await users.FindTakenAsync(command.Email!, command.Username!, cancellationToken);
        if (emailTaken || usernameTaken)
        {
            throw new ConflictException(ConflictMessage(emailTaken, usernameTaken));
        }

        var user = User.Register(
            command.Email!, command.Username!, command.FullName, passwordHasher.Hash(command.Password!), clock.GetUtcNow().UtcDateTime);
        users.Add(user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // Lost a race with a registration of the same email or username: the unique index decided.
            throw new ConflictException(AlreadyRegistered);
        }

        return tokens.CreateAccessToken(user.Id, user.Username);
    }

    private static string ConflictMessage(bool emailTaken, bool usernameTaken) => (emailTaken, usernameTaken) switch
    {
        (true, false) => "Email already registered",
        (false, true) => "Username already registered",
        _ => AlreadyRegistered,
    };
}
