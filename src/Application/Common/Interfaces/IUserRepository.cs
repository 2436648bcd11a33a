using PersonaMedia.Application.Auth;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Users, looked up the ways sign-up and sign-in need.</summary>
public interface IUserRepository
{
    void Add(User user);

    /// <summary>The user whose normalized email matches, or null.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<UserDto?> FindDtoAsync(int id, CancellationToken cancellationToken);

    /// <summary>Whether the user still exists; a signed token outlives a deleted account.</summary>
    Task<bool> ExistsAsync(int id, CancellationToken cancellationToken);

    /// <summary>Whether the email and the username are already taken, compared in normalized form.</summary>
    Task<(bool EmailTaken, bool UsernameTaken)> FindTakenAsync(string email, string username, CancellationToken cancellationToken);
}
