namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>
/// A dependency (the database, the file store) failed in a way that should pass: the request did
/// not happen, left nothing behind, and may be sent again after <see cref="RetryAfterSeconds"/>.
/// </summary>
public sealed class ServiceUnavailableException(string message, Exception? innerException = null, int retryAfterSeconds = 5)
    : Exception(message, innerException)
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
