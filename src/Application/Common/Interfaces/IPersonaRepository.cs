using PersonaMedia.Application.Personas;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Personas, always looked up through their owner so another user's id is simply not found.</summary>
public interface IPersonaRepository
{
    void Add(Persona persona);

    void Remove(Persona persona);

    /// <summary>The tracked persona, for changing it; null when it is not the user's.</summary>
    Task<Persona?> FindOwnedAsync(int userId, int personaId, CancellationToken cancellationToken);

    Task<PersonaDto?> FindOwnedDtoAsync(int userId, int personaId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the persona's changed fields only if its row still has <paramref name="expectedUpdatedAt"/>,
    /// in one statement, so no other write can come between the check and the change. False when
    /// the row has changed or is gone.
    /// </summary>
    Task<bool> SaveIfUnchangedAsync(Persona persona, DateTime expectedUpdatedAt, CancellationToken cancellationToken);

    Task<bool> ExistsOwnedAsync(int userId, int personaId, CancellationToken cancellationToken);

    /// <summary>Asks the database again, ignoring what this request has already seen: whether the persona is still there.</summary>
    Task<bool> StillExistsAsync(int userId, int personaId, CancellationToken cancellationToken);

    /// <summary>The user's personas, oldest first.</summary>
    Task<IReadOnlyList<PersonaDto>> ListOwnedAsync(int userId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the user's persona as being deleted, in one statement: from then on no query finds it.
    /// False when it is not the user's or another DELETE marked it first.
    /// </summary>
    Task<bool> StartDeletionAsync(int userId, int personaId, DateTime now, CancellationToken cancellationToken);

    /// <summary>The tracked persona whose deletion has begun, for removing it at the end; null when it is gone.</summary>
    Task<Persona?> FindBeingDeletedAsync(int personaId, CancellationToken cancellationToken);

    /// <summary>Personas whose deletion began before <paramref name="startedBefore"/> and never finished (the process died), oldest first.</summary>
    Task<IReadOnlyList<Persona>> ListStalledDeletionsAsync(DateTime startedBefore, int limit, CancellationToken cancellationToken);
}
