using PersonaMedia.Application.Auth;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Users, looked up the ways sign-up and sign-in need.</summary>
public interface IUserRepository
{
    void Add(User user);

    /// <summary>The user whose normalized email (<see cref="EmailAddress.Normalize"/>) matches, or null.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<UserDto?> FindDtoAsync(int id, CancellationToken cancellationToken);

    /// <summary>The tracked user, for changing it; null when it does not exist.</summary>
    Task<User?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>The account's security stamp, or null when it no longer exists; a signed token outlives a deleted account.</summary>
    Task<string?> GetSecurityStampAsync(int id, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an account already has this email or username (each in normalized form) or a username
    /// with this confusable skeleton. One answer for all three, so a caller cannot tell which.
    /// </summary>
    Task<bool> IsTakenAsync(string email, string username, string usernameSkeleton, CancellationToken cancellationToken);
}
