using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Personas;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class PersonaRepository(AppDbContext db) : IPersonaRepository
{
    // Asked first by every upload (refused ones too) and every listing. Compiled once, it skips
    // EF's per-call work on the expression tree: funcletizing, cache-key hashing, the AsNoTracking
    // reflection, which a profile of refused uploads put at about 40% of this query's CPU.
    // A compiled query is bound to the one model it first ran with, so it is compiled per provider
    // context (each has its own model); one compiled against AppDbContext would refuse the second
    // provider in the same process ("executed with a different model than it was compiled against").
    private static class Compiled<TContext>
        where TContext : AppDbContext
    {
        public static readonly Func<TContext, int, int, CancellationToken, Task<bool>> OwnedExists =
            EF.CompileAsyncQuery((TContext context, int userId, int personaId, CancellationToken _) =>
                context.Personas.Any(p => p.Id == personaId && p.UserId == userId));
    }

    /// <summary>
    /// The persona this request has already seen owned by its user. An upload asks twice (before
    /// the body is read, so someone else's persona is 404 first, and in its handler); the second
    /// answer is the first one, not another round trip. A persona deleted in between is the
    /// insert's problem (its foreign key), as it would be a millisecond after any check.
    /// </summary>
    private (int UserId, int PersonaId)? _seenOwned;

    public void Add(Persona persona) => db.Personas.Add(persona);

    public void Remove(Persona persona)
    {
        _seenOwned = null;
        db.Personas.Remove(persona);
    }

    public Task<Persona?> FindOwnedAsync(int userId, int personaId, CancellationToken cancellationToken) =>
        db.Personas.FirstOrDefaultAsync(p => p.Id == personaId && p.UserId == userId, cancellationToken);

    public async Task<PersonaDto?> FindOwnedDtoAsync(int userId, int personaId, CancellationToken cancellationToken)
    {
        var persona = await Owned(userId).Where(p => p.Id == personaId).ProjectToDto().FirstOrDefaultAsync(cancellationToken);
        if (persona is not null)
        {
            _seenOwned = (userId, personaId);
        }

        return persona;
    }

    public async Task<bool> SaveIfUnchangedAsync(Persona persona, DateTime expectedUpdatedAt, CancellationToken cancellationToken)
    {
        var written = await db.Personas
            .Where(p => p.Id == persona.Id && p.UpdatedAt == expectedUpdatedAt)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(p => p.Name, persona.Name)
                    .SetProperty(p => p.Description, persona.Description)
                    .SetProperty(p => p.RelationType, persona.RelationType)
                    .SetProperty(p => p.UpdatedAt, persona.UpdatedAt),
                cancellationToken);
        return written == 1;
    }

    public async Task<bool> ExistsOwnedAsync(int userId, int personaId, CancellationToken cancellationToken)
    {
        if (_seenOwned == (userId, personaId))
        {
            return true;
        }

        var owned = await (db switch
        {
            SqlServerAppDbContext sqlServer => Compiled<SqlServerAppDbContext>.OwnedExists(sqlServer, userId, personaId, cancellationToken),
            SqliteAppDbContext sqlite => Compiled<SqliteAppDbContext>.OwnedExists(sqlite, userId, personaId, cancellationToken),
            _ => db.Personas.AnyAsync(p => p.Id == personaId && p.UserId == userId, cancellationToken),
        });
        if (owned)
        {
            _seenOwned = (userId, personaId);
        }

        return owned;
    }

    public async Task<bool> StillExistsAsync(int userId, int personaId, CancellationToken cancellationToken)
    {
        _seenOwned = null;
        return await ExistsOwnedAsync(userId, personaId, cancellationToken);
    }

    public async Task<IReadOnlyList<PersonaDto>> ListOwnedAsync(int userId, CancellationToken cancellationToken) =>
        await Owned(userId).OrderBy(p => p.Id).ProjectToDto().ToListAsync(cancellationToken);

    public async Task<bool> StartDeletionAsync(int userId, int personaId, DateTime now, CancellationToken cancellationToken)
    {
        _seenOwned = null;
        // The query filter adds "deletion_started_at IS NULL": of two DELETEs, one marks it.
        var marked = await db.Personas
            .Where(p => p.Id == personaId && p.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.DeletionStartedAt, now), cancellationToken);
        return marked == 1;
    }

    public Task<Persona?> FindBeingDeletedAsync(int personaId, CancellationToken cancellationToken) =>
        db.Personas.IgnoreQueryFilters()
            .FirstOrDefaultAsync(p => p.Id == personaId && p.DeletionStartedAt != null, cancellationToken);

    public async Task<IReadOnlyList<Persona>> ListStalledDeletionsAsync(DateTime startedBefore, int limit, CancellationToken cancellationToken) =>
        await db.Personas.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.DeletionStartedAt != null && p.DeletionStartedAt < startedBefore)
            .OrderBy(p => p.DeletionStartedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);

    private IQueryable<Persona> Owned(int userId) => db.Personas.AsNoTracking().Where(p => p.UserId == userId);
}
