using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Quota;

/// <summary>
/// The bytes each user's files take, kept in <c>users.used_bytes</c> and changed by the unit of work in
/// the same transaction as the rows it counts (<see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>):
/// an inserted file adds its size only if the sum stays within the quota, a deleted file subtracts its
/// size, a deleted persona the sum of its files (which the database then cascades away).
/// <para>
/// Why it holds under concurrent requests, on SQL Server under read committed as on SQLite: each of
/// those changes starts its transaction with one <c>UPDATE users ... WHERE id = @user</c>. For an
/// insert it is conditional, <c>AND used_bytes + @size &lt;= @quota</c>, and its row count decides:
/// 0 rows means the file does not fit and nothing is inserted. The UPDATE locks the user's row until
/// the transaction ends, so two uploads of one user are counted one after the other (the second's
/// condition reads the first's committed sum), and a persona delete sums the persona's files only
/// after any upload into it has committed or rolled back. SQLite has one writer at a time anyway.
/// </para>
/// </summary>
internal sealed class StorageUsage
{
    /// <summary>The shadow property (column <c>used_bytes</c>) on users; the domain never reads or writes it.</summary>
    public const string Property = "UsedBytes";

    private readonly SortedDictionary<int, long> _added = [];
    private readonly SortedDictionary<int, long> _removed = [];
    private readonly List<(int UserId, int PersonaId)> _personasRemoved = [];

    private StorageUsage()
    {
    }

    public bool IsEmpty => _added.Count == 0 && _removed.Count == 0 && _personasRemoved.Count == 0;

    public static Task<long> ReadAsync(AppDbContext db, int userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => EF.Property<long>(u, Property))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>What the pending changes do to the users' counts, read from the change tracker.</summary>
    public static StorageUsage Of(ChangeTracker changes)
    {
        var usage = new StorageUsage();
        var personasRemoved = new HashSet<int>();
        foreach (var entry in changes.Entries<Persona>())
        {
            if (entry.State == EntityState.Deleted)
            {
                usage._personasRemoved.Add((entry.Entity.UserId, entry.Entity.Id));
                personasRemoved.Add(entry.Entity.Id);
            }
        }

        foreach (var entry in changes.Entries<MediaFile>())
        {
            var file = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    usage._added[file.UserId] = usage._added.GetValueOrDefault(file.UserId) + file.FileSize;
                    break;
                // A file deleted with its persona is counted in the persona's sum.
                case EntityState.Deleted when !personasRemoved.Contains(file.PersonaId):
                    usage._removed[file.UserId] = usage._removed.GetValueOrDefault(file.UserId) + file.FileSize;
                    break;
            }
        }

        return usage;
    }

    /// <summary>
    /// Applies the counts inside the caller's transaction, before the rows are written. Throws
    /// <see cref="QuotaExceededException"/> when an insert would pass <paramref name="quotaBytes"/>.
    /// </summary>
    public async Task ApplyAsync(AppDbContext db, long quotaBytes, CancellationToken cancellationToken)
    {
        foreach (var (userId, personaId) in _personasRemoved)
        {
            await db.Users
                .Where(u => u.Id == userId)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(
                        u => EF.Property<long>(u, Property),
                        u => EF.Property<long>(u, Property)
                            - db.MediaFiles.Where(f => f.PersonaId == personaId).Sum(f => f.FileSize)),
                    cancellationToken);
        }

        foreach (var (userId, bytes) in _removed)
        {
            await db.Users
                .Where(u => u.Id == userId)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(u => EF.Property<long>(u, Property), u => EF.Property<long>(u, Property) - bytes),
                    cancellationToken);
        }

        foreach (var (userId, bytes) in _added)
        {
            var counted = await db.Users
                .Where(u => u.Id == userId && EF.Property<long>(u, Property) + bytes <= quotaBytes)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(u => EF.Property<long>(u, Property), u => EF.Property<long>(u, Property) + bytes),
                    cancellationToken);
            if (counted == 0 && await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            {
                // (A user who is gone is left to the insert's foreign key.)
                throw new QuotaExceededException(quotaBytes, await ReadAsync(db, userId, cancellationToken), bytes);
            }
        }
    }
}
