namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The uploaded bytes are not what the request says they are; answered 400.</summary>
public sealed class InvalidContentException(string message) : Exception(message);
