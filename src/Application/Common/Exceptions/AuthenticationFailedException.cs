namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The caller could not be authenticated; answered 401 with a Bearer challenge.</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);
