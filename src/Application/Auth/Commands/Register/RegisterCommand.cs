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
    IConfusableSkeleton skeletons,
    SessionTokens sessions,
    TimeProvider clock) : ICommandHandler<RegisterCommand, TokenResponse>
{
    /// <summary>
    /// The one answer to any clash (email, username, or a look-alike of a username), so that sign-up
    /// cannot be used to find out whether an address has an account.
    /// </summary>
    public const string AlreadyRegistered = "Email or username already registered";

    public async ValueTask<TokenResponse> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var skeleton = skeletons.Compute(UsernameRules.Canonical(command.Username!));
        if (await users.IsTakenAsync(command.Email!, command.Username!, skeleton, cancellationToken))
        {
            throw new ConflictException(AlreadyRegistered);
        }

        var passwordHash = await passwordHasher.HashAsync(command.Password!, cancellationToken);
        var user = User.Register(
            command.Email!, command.Username!, skeleton, command.FullName, passwordHash, clock.GetUtcNow().UtcDateTime);
        users.Add(user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // Lost a race with a registration of the same email, username or skeleton: a unique index decided.
            throw new ConflictException(AlreadyRegistered);
        }

        var response = sessions.Issue(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return response;
    }
}
