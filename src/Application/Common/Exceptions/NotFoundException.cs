namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The resource does not exist for the caller (someone else's counts as not existing).</summary>
public sealed class NotFoundException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <param name="gone">Set when the persona was there when the request began and another request removed it meanwhile.</param>
    public static NotFoundException Persona(Exception? gone = null) => new("Persona not found", gone);

    /// <param name="gone">Set when the file was there when the request began and another request removed it meanwhile.</param>
    public static NotFoundException MediaFile(Exception? gone = null) => new("File not found", gone);
}
