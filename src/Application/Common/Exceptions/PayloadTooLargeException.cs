namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The uploaded content exceeds the size limit; answered 413.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);
