using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media;

/// <summary>Media types as the API spells them: <c>image</c> and <c>video</c>.</summary>
public static class MediaTypes
{
    public static MediaType? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "image" => MediaType.Image,
        "video" => MediaType.Video,
        _ => null,
    };
}
