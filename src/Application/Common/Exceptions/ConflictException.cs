namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The request collides with existing state, such as an email that is already registered.</summary>
public sealed class ConflictException(string message) : Exception(message);
