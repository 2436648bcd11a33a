using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

/// <summary>
/// Why every session change starts by locking the account's row: under SQL Server's read committed
/// snapshot (the default of Azure SQL) a plain SELECT does not wait for a writer, it reads the last
/// committed version. Before, a rotation inserted the new token and then asked "was the session
/// revoked meanwhile?"; a revocation of that session still running (not committed) was invisible to
/// that question, and its own UPDATE had started before the new token existed, so the new token
/// survived the revocation. Now a rotation and a revocation of one account both begin with an
/// UPDATE of the user's row, which waits for the other's row lock whatever the isolation level; each
/// later statement of the transaction starts after that wait and so sees everything the other
/// committed. Each session change is then one of a strict sequence per account.
/// </summary>
internal sealed class RefreshTokenRepository(AppDbContext db) : IRefreshTokenRepository
{
    public void Add(RefreshToken token) => db.RefreshTokens.Add(token);

    public Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    public Task<RotationOutcome> RotateAsync(RefreshToken used, RefreshToken successor, DateTime now, CancellationToken cancellationToken) =>
        // Under SQL Server's retrying strategy the whole transaction runs again after a transient failure.
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Used: used, Next: successor, Now: now),
            async (_, state, ct) =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await LockAccountAsync(db, state.Used.UserId, state.Used.SecurityStamp, ct) == 0)
                {
                    return RotationOutcome.AccountChanged;
                }

                if (await UseAsync(db, state.Used.Id, state.Now, ct) == 0)
                {
                    return RotationOutcome.NotUsable;
                }

                db.RefreshTokens.Add(state.Next);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.AcceptAllChanges();
                return RotationOutcome.Rotated;
            },
            verifySucceeded: null,
            cancellationToken);

    public Task RevokeFamilyAsync(int userId, Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        UnderAccountLockAsync(userId, ct => RevokeFamilyStatementAsync(db, familyId, now, ct), cancellationToken);

    public Task RevokeAllOfUserAsync(int userId, DateTime now, CancellationToken cancellationToken) =>
        UnderAccountLockAsync(userId, ct => RevokeAllOfUserStatementAsync(db, userId, now, ct), cancellationToken);

    private Task<bool> UnderAccountLockAsync(int userId, Func<CancellationToken, Task<int>> change, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (UserId: userId, Change: change),
            async (_, state, ct) =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // A session of an account that no longer exists has nothing left to race with.
                await LockAccountAsync(db, state.UserId, stamp: null, ct);
                await state.Change(ct);
                await transaction.CommitAsync(ct);
                return true;
            },
            verifySucceeded: null,
            cancellationToken);

    /// <summary>
    /// Takes the account's row lock until the transaction ends: an UPDATE that writes the stamp it
    /// finds, only while it is <paramref name="stamp"/> (when given). Its row count says whether the
    /// account still exists with that stamp. An UPDATE waits for another transaction's lock on the row
    /// under read committed snapshot too (it reads the row it changes, not a version of it).
    /// </summary>
    internal static Task<int> LockAccountAsync(AppDbContext db, int userId, string? stamp, CancellationToken cancellationToken) =>
        db.Users
            .Where(u => u.Id == userId && (stamp == null || u.SecurityStamp == stamp))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, u => u.SecurityStamp), cancellationToken);

    /// <summary>Marks the token used if it is still unused, unrevoked and unexpired: one statement whose row count decides.</summary>
    internal static Task<int> UseAsync(AppDbContext db, long tokenId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.Id == tokenId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);

    internal static Task<int> RevokeFamilyStatementAsync(AppDbContext db, Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);

    internal static Task<int> RevokeAllOfUserStatementAsync(AppDbContext db, int userId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
}
