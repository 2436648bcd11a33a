namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The disk under the file store or the database is full: nothing was stored, and retrying will not help until room is made.</summary>
public sealed class InsufficientStorageException(string message, Exception? innerException = null)
    : Exception(message, innerException);
