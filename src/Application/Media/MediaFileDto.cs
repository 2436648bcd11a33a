using PersonaMedia.Application.Common.Concurrency;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media;

/// <summary>A media file as the API shows it; names are the original service's, in snake_case on the wire.</summary>
public sealed record MediaFileDto(
    int Id,
    string Filename,
    string OriginalFilename,
    long FileSize,
    string MimeType,
    MediaType MediaType,
    int PersonaId,
    int UserId,
    string? Description,
    string Sha256,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned;
