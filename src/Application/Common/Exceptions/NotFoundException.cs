namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The resource does not exist for the caller (someone else's counts as not existing).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException Persona() => new("Persona not found");

    public static NotFoundException MediaFile() => new("File not found");
}
