using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>What is known of an upload once its file part's headers have arrived, before its bytes.</summary>
public sealed record UploadFilePartDescriptor(MediaType MediaType, string? FileName, string? ContentType, string? Description);
