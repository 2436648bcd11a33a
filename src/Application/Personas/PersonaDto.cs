using PersonaMedia.Application.Common.Concurrency;

namespace PersonaMedia.Application.Personas;

public sealed record PersonaDto(
    int Id,
    int UserId,
    string Name,
    string? Description,
    string? RelationType,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned;
