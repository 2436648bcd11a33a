using Mediator;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Auth.Queries.GetCurrentUser;

public sealed record GetCurrentUserQuery : IQuery<UserDto>;

public sealed class GetCurrentUserQueryHandler(IUserRepository users, ICurrentUser currentUser)
    : IQueryHandler<GetCurrentUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken) =>
        await users.FindDtoAsync(currentUser.Id, cancellationToken)
        // A valid token whose user no longer exists is not a valid sign-in.
        ?? throw new AuthenticationFailedException("User no longer exists");
}
