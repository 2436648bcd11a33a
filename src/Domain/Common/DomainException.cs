namespace PersonaMedia.Domain.Common;

/// <summary>A rule of the domain was broken; the message says which.</summary>
/// <param name="Field">The value that broke it, by the name clients know it under, when there is one.</param>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
