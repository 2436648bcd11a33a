using PersonaMedia.Domain.Personas;
using Riok.Mapperly.Abstractions;

namespace PersonaMedia.Application.Personas;

[Mapper]
public static partial class PersonaMapper
{
    [MapperIgnoreSource(nameof(Persona.DeletionStartedAt))]
    public static partial PersonaDto ToDto(this Persona persona);

    /// <summary>Projects in the database: only the DTO's columns are read, nothing is tracked.</summary>
    public static partial IQueryable<PersonaDto> ProjectToDto(this IQueryable<Persona> personas);
}
