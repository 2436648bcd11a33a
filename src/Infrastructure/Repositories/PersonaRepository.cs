using Microsoft.EntityFrameworkCore;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Personas;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Repositories;

internal sealed class PersonaRepository(AppDbContext db) : IPersonaRepository
{
    public void Add(Persona persona) => db.Personas.Add(persona);

    public void Remove(Persona persona) => db.Personas.Remove(persona);

    public Task<Persona?> FindOwnedAsync(int userId, int personaId, CancellationToken cancellationToken) =>
        db.Personas.FirstOrDefaultAsync(p => p.Id == personaId && p.UserId == userId, cancellationToken);

    public Task<PersonaDto?> FindOwnedDtoAsync(int userId, int personaId, CancellationToken cancellationToken) =>
        Owned(userId).Where(p => p.Id == personaId).ProjectToDto().FirstOrDefaultAsync(cancellationToken);

    public Task<bool> ExistsOwnedAsync(int userId, int personaId, CancellationToken cancellationToken) =>
        Owned(userId).AnyAsync(p => p.Id == personaId, cancellationToken);

    public async Task<IReadOnlyList<PersonaDto>> ListOwnedAsync(int userId, CancellationToken cancellationToken) =>
        await Owned(userId).OrderBy(p => p.Id).ProjectToDto().ToListAsync(cancellationToken);

    private IQueryable<Persona> Owned(int userId) => db.Personas.AsNoTracking().Where(p => p.UserId == userId);
}
