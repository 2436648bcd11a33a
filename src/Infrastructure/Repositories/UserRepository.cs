using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class UserRepository(AppDbContext db) : IUserRepository
{
    public void Add(User user) => db.Users.Add(user);

    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    public Task<UserDto?> FindDtoAsync(int id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new UserDto(u.Id, u.Email, u.Username, u.FullName, u.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().AnyAsync(u => u.Id == id, cancellationToken);

    public async Task<(bool EmailTaken, bool UsernameTaken)> FindTakenAsync(
        string email, string username, CancellationToken cancellationToken)
    {
        var normalizedEmail = User.Normalize(email);
        var normalizedUsername = User.Normalize(username);
        var clashes = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalizedEmail || u.NormalizedUsername == normalizedUsername)
            .Select(u => new { u.NormalizedEmail, u.NormalizedUsername })
            .ToListAsync(cancellationToken);
        return (clashes.Exists(c => c.NormalizedEmail == normalizedEmail),
                clashes.Exists(c => c.NormalizedUsername == normalizedUsername));
    }
}
