using PersonaMedia.Domain.Storage;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>The store deletions still owed; see <see cref="PendingDeletion"/>.</summary>
public interface IPendingDeletionRepository
{
    void Add(PendingDeletion deletion);

    void Remove(PendingDeletion deletion);

    /// <summary>Tracked entries whose next attempt is due at <paramref name="now"/>, oldest due first.</summary>
    Task<IReadOnlyList<PendingDeletion>> ListDueAsync(DateTime now, int limit, CancellationToken cancellationToken);

    /// <summary>How many deletions are still owed.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
