using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Storage;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class PendingDeletionRepository(AppDbContext db) : IPendingDeletionRepository
{
    public void Add(PendingDeletion deletion) => db.PendingDeletions.Add(deletion);

    public void Remove(PendingDeletion deletion) => db.PendingDeletions.Remove(deletion);

    public async Task<IReadOnlyList<PendingDeletion>> ListDueAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        await db.PendingDeletions
            .Where(d => d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .ThenBy(d => d.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.PendingDeletions.CountAsync(cancellationToken);
}
