namespace PersonaMedia.Domain.Media;

public enum MediaType
{
    Image = 1,
    Video = 2,
}
