namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The client's <c>If-Match</c> names a version the resource no longer has: someone changed it since.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message)
{
    public static PreconditionFailedException Persona() =>
        new("The persona was changed since the version in If-Match; GET it again for its current ETag.");

    public static PreconditionFailedException MediaFile() =>
        new("The file was changed since the version in If-Match; GET it again for its current ETag.");
}
