using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class UserRepository(AppDbContext db, SecurityStampCache stamps) : IUserRepository
{
    public void Add(User user) => db.Users.Add(user);

    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    public Task<UserDto?> FindDtoAsync(int id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new UserDto(u.Id, u.Email, u.Username, u.FullName, u.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<User?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>Through <see cref="SecurityStampCache"/>: asked on every signed-in request.</summary>
    public Task<string?> GetSecurityStampAsync(int id, CancellationToken cancellationToken) =>
        stamps.GetAsync(
            id,
            ct => db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct),
            cancellationToken);

    /// <summary>
    /// One statement, and the database itself compares: under SQL Server's default case-insensitive
    /// collation it may find rows equal that an ordinal comparison here would not (a linguistic
    /// collation may also equate, say, "ß" and "SS"). The same collation governs the unique indexes,
    /// so whatever the database calls taken here, its index would refuse too.
    /// </summary>
    public Task<bool> IsTakenAsync(string email, string username, string usernameSkeleton, CancellationToken cancellationToken)
    {
        var normalizedEmail = EmailAddress.Normalize(email);
        var normalizedUsername = UsernameRules.Normalize(username);
        return db.Users.AsNoTracking().AnyAsync(
            u => u.NormalizedEmail == normalizedEmail || u.NormalizedUsername == normalizedUsername || u.UsernameSkeleton == usernameSkeleton,
            cancellationToken);
    }
}
