using PersonaMedia.Domain.Common;

namespace PersonaMedia.Domain.Personas;

/// <summary>A profile a user keeps; media files hang under it.</summary>
public sealed class Persona
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int RelationTypeMaxLength = 50;

    private Persona()
    {
        Name = string.Empty;
    }

    public int Id { get; private set; }
    public int UserId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public string? RelationType { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// When a DELETE began removing the persona: from then on it is gone for every request, while
    /// its media rows are removed in batches and then the persona itself. Null for a live persona.
    /// </summary>
    public DateTime? DeletionStartedAt { get; private set; }

    public static Persona Create(int userId, string name, string? description, string? relationType, DateTime now)
    {
        var created = Guard.Utc(now);
        var persona = new Persona { UserId = userId, CreatedAt = created, UpdatedAt = created };
        persona.Apply(name, description, relationType, created);
        return persona;
    }

    public void Update(string name, string? description, string? relationType, DateTime now) =>
        Apply(name, description, relationType, Guard.Advanced(UpdatedAt, Guard.Utc(now)));

    private void Apply(string name, string? description, string? relationType, DateTime updatedAt)
    {
        // Every value is checked before any is assigned, so a refused update leaves the persona as it was.
        var checkedName = Guard.RequiredText(name, NameMaxLength, "Name");
        var checkedDescription = Guard.OptionalText(description, DescriptionMaxLength, "Description");
        var checkedRelationType = Guard.OptionalText(relationType, RelationTypeMaxLength, "Relation type");

        Name = checkedName;
        Description = checkedDescription;
        RelationType = checkedRelationType;
        UpdatedAt = updatedAt;
    }
}
