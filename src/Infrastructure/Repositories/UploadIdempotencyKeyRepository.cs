using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class UploadIdempotencyKeyRepository(AppDbContext db) : IUploadIdempotencyKeyRepository
{
    public void Add(UploadIdempotencyKey key) => db.UploadIdempotencyKeys.Add(key);

    // Keys compare exactly on both providers: SQLite's default is binary, and SQL Server's column
    // has a binary collation (see SqlServerAppDbContext).
    public Task<UploadIdempotencyKey?> FindAsync(int userId, string key, CancellationToken cancellationToken) =>
        db.UploadIdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.UserId == userId && k.Key == key, cancellationToken);

    public Task RemoveIfExpiredAsync(int userId, string key, DateTime now, CancellationToken cancellationToken) =>
        db.UploadIdempotencyKeys
            .Where(k => k.UserId == userId && k.Key == key && k.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);

    public Task<int> RemoveExpiredAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        db.UploadIdempotencyKeys
            .Where(k => db.UploadIdempotencyKeys
                .Where(e => e.ExpiresAt <= now)
                .OrderBy(e => e.ExpiresAt)
                .Take(limit)
                .Select(e => e.Id)
                .Contains(k.Id))
            .ExecuteDeleteAsync(cancellationToken);
}
