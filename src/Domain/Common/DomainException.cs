namespace PersonaMedia.Domain.Common;

/// <summary>A rule of the domain was broken; the message says which.</summary>
public sealed class DomainException(string message) : Exception(message);
