namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>The signed-in caller of the current request.</summary>
public interface ICurrentUser
{
    /// <summary>The caller's user id; throws when the request is not authenticated.</summary>
    int Id { get; }
}
