using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class RefreshTokenRepository(AppDbContext db) : IRefreshTokenRepository
{
    public void Add(RefreshToken token) => db.RefreshTokens.Add(token);

    public Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    /// <summary>
    /// One UPDATE whose row count decides: on SQL Server under read committed the second of two
    /// concurrent requests waits for the first's row lock, then finds <c>used_at</c> set and matches nothing.
    /// </summary>
    public async Task<bool> TryUseAsync(long tokenId, DateTime now, CancellationToken cancellationToken) =>
        await db.RefreshTokens
            .Where(t => t.Id == tokenId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;

    public Task<bool> IsFamilyRevokedAsync(Guid familyId, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsNoTracking().AnyAsync(t => t.FamilyId == familyId && t.RevokedAt != null, cancellationToken);

    public Task RevokeFamilyAsync(Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);

    public Task RevokeAllOfUserAsync(int userId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
}
