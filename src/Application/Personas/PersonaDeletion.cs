using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.Application.Personas;

/// <summary>
/// Deletes a persona with all its media, however many, without holding a write lock for long.
/// <list type="number">
/// <item>One statement marks the persona (<see cref="Persona.DeletionStartedAt"/>): from then on
/// it is gone for every request, and uploads to it are refused.</item>
/// <item>Its media rows go in batches, each one short statement and transaction of its own, so
/// other users' writes go on in between. Their bytes stay until the end, so no row that a
/// request can still read ever points at nothing.</item>
/// <item>The persona row goes (the database cascades to rows inserted by uploads that passed
/// their check before the mark) together with a pending deletion of its key prefix, and then
/// the bytes go (<see cref="StoredFileRemover"/>).</item>
/// </list>
/// A deletion cut short (the process died) is finished by the pending-deletions retrier; two
/// replicas finishing one at once remove the same rows, which is harmless.
/// </summary>
public sealed partial class PersonaDeletion(
    IPersonaRepository personas,
    IMediaFileRepository mediaFiles,
    IUnitOfWork unitOfWork,
    StoredFileRemover storedFiles,
    ILogger<PersonaDeletion> logger)
{
    /// <summary>Removes the rows, then the persona, then the bytes of a persona whose deletion has begun.</summary>
    public async Task FinishAsync(int personaId, CancellationToken cancellationToken)
    {
        var persona = await personas.FindBeingDeletedAsync(personaId, cancellationToken);
        if (persona is null)
        {
            // Another replica finished it first; it removes the bytes.
            return;
        }

        var removed = 0;
        bool more;
        do
        {
            var batch = await mediaFiles.RemoveBatchOfPersonaAsync(persona.UserId, personaId, cancellationToken);
            removed += batch.Removed;
            more = batch.FullBatch;
        }
        while (more);

        personas.Remove(persona);
        storedFiles.Schedule(MediaStorageKeys.PersonaPrefix(persona.UserId, persona.Id));
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Another replica removed it meanwhile; it removes the bytes.
            return;
        }

        LogDeleted(logger, personaId, removed);
        await storedFiles.DeleteScheduledAsync();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted persona {PersonaId} with {Files} media row(s) in batches")]
    private static partial void LogDeleted(ILogger logger, int personaId, int files);
}
