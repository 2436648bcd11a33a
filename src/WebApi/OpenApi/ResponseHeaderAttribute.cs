namespace PersonaMedia.WebApi.OpenApi;

/// <summary>A response header the action sends with the given statuses, for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(string name, string description, params int[] statuses) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public IReadOnlyList<int> Statuses { get; } = statuses;

    /// <summary>The header's value is a whole number (else text).</summary>
    public bool IsInteger { get; init; }
}

/// <summary>
/// The answer with these statuses is the stored bytes, in one of the stored formats' content types
/// (<see cref="Domain.Media.MediaFormat.All"/>), or in <see cref="ContentType"/> when set, not JSON.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BinaryResponseAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;

    /// <summary>The one content type of these bytes (a thumbnail's WebP), instead of the stored formats'.</summary>
    public string? ContentType { get; init; }
}
