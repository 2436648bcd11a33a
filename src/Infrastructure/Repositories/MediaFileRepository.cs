using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Application.Media;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.Infrastructure.Quota;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class MediaFileRepository(AppDbContext db, IOptions<DatabaseOptions> options) : IMediaFileRepository
{
    public void Add(MediaFile file) => db.MediaFiles.Add(file);

    public void Remove(MediaFile file) => db.MediaFiles.Remove(file);

    public Task<MediaFile?> FindOwnedAsync(int userId, int fileId, CancellationToken cancellationToken) =>
        db.MediaFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.UserId == userId, cancellationToken);

    public async Task<bool> SaveIfUnchangedAsync(MediaFile file, DateTime expectedUpdatedAt, CancellationToken cancellationToken)
    {
        var written = await db.MediaFiles
            .Where(f => f.Id == file.Id && f.UpdatedAt == expectedUpdatedAt)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(f => f.Description, file.Description)
                    .SetProperty(f => f.UpdatedAt, file.UpdatedAt),
                cancellationToken);
        return written == 1;
    }

    public Task<MediaFileDto?> FindOwnedDtoAsync(int userId, int fileId, CancellationToken cancellationToken) =>
        Owned(userId).Where(f => f.Id == fileId).ProjectToDto().FirstOrDefaultAsync(cancellationToken);

    public Task<MediaFileDto?> FindDtoAsync(int fileId, CancellationToken cancellationToken) =>
        db.MediaFiles.AsNoTracking().Where(f => f.Id == fileId).ProjectToDto().FirstOrDefaultAsync(cancellationToken);

    public async Task<Page<MediaFileDto>> ListByPersonaAsync(
        int userId, int personaId, MediaType? mediaType, int limit, int offset, CancellationToken cancellationToken)
    {
        var files = Owned(userId).Where(f => f.PersonaId == personaId);
        if (mediaType is { } type)
        {
            files = files.Where(f => f.MediaType == type);
        }

        var total = await files.CountAsync(cancellationToken);
        var items = total <= offset
            ? []
            : await files
                .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
                .Skip(offset).Take(limit)
                .ProjectToDto()
                .ToListAsync(cancellationToken);
        return new Page<MediaFileDto>(items, total, limit, offset);
    }

    public async Task<IReadOnlyList<string>> ListStorageKeysOfPersonaAsync(
        int userId, int personaId, CancellationToken cancellationToken)
    {
        var names = await Owned(userId)
            .Where(f => f.PersonaId == personaId)
            .Select(f => f.FileName)
            .ToListAsync(cancellationToken);
        return names.ConvertAll(name => MediaStorageKeys.For(userId, personaId, name));
    }

    public async Task<(int Removed, bool FullBatch)> RemoveBatchOfPersonaAsync(int userId, int personaId, CancellationToken cancellationToken)
    {
        var size = options.Value.DeleteBatchSize;
        var batch = await db.MediaFiles
            .Where(f => f.PersonaId == personaId)
            .OrderBy(f => f.Id)
            .Take(size)
            .Select(f => f.Id)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return (0, false);
        }

        // One short transaction: the user's stored-byte count goes down by what is still there of
        // the batch (its UPDATE locks the user's row first, so of two sweepers the second counts
        // only what the first left), then the rows go; the database cascades to their idempotency keys.
        var removed = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (UserId: userId, Batch: batch),
            async (_, state, ct) =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var deleted = await RemoveFilesAsync(db, state.UserId, state.Batch, ct);
                await transaction.CommitAsync(ct);
                return deleted;
            },
            verifySucceeded: null,
            cancellationToken);
        return (removed, batch.Count == size);
    }

    /// <summary>The two statements of one batch, in the caller's transaction: the user's count, then the rows.</summary>
    internal static async Task<int> RemoveFilesAsync(AppDbContext db, int userId, IReadOnlyCollection<int> fileIds, CancellationToken cancellationToken)
    {
        await StorageUsage.SubtractFilesAsync(db, userId, fileIds, cancellationToken);
        return await db.MediaFiles.Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<int>> ListPendingThumbnailsAsync(int afterId, int limit, CancellationToken cancellationToken) =>
        await db.MediaFiles.AsNoTracking()
            .Where(f => f.ThumbnailState == ThumbnailState.Pending && f.Id > afterId)
            .OrderBy(f => f.Id)
            .Take(limit)
            .Select(f => f.Id)
            .ToListAsync(cancellationToken);

    // Conditional on the state in the same statement: of two replicas' workers finishing one file, the
    // second changes nothing (under read committed too: the UPDATE re-reads the row it locks).
    public async Task<bool> SettleThumbnailsAsync(int fileId, ThumbnailState state, CancellationToken cancellationToken) =>
        await db.MediaFiles
            .Where(f => f.Id == fileId && f.ThumbnailState == ThumbnailState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.ThumbnailState, state), cancellationToken) == 1;

    public async Task<IReadOnlyList<MediaUsage>> GetUsageAsync(int userId, CancellationToken cancellationToken) =>
        await Owned(userId)
            .GroupBy(f => new { f.PersonaId, f.MediaType })
            .Select(g => new MediaUsage(g.Key.PersonaId, g.Key.MediaType, g.Count(), g.Sum(f => f.FileSize)))
            .ToListAsync(cancellationToken);

    private IQueryable<MediaFile> Owned(int userId) => db.MediaFiles.AsNoTracking().Where(f => f.UserId == userId);
}
