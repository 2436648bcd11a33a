namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Commits the changes the repositories of this request have collected, atomically.</summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Saves all pending changes in one transaction. Throws
    /// <see cref="Exceptions.UniqueConstraintException"/> when a unique index refuses them, and
    /// <see cref="Exceptions.ConcurrencyException"/> when a row to update or delete is no longer there.
    /// </summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
