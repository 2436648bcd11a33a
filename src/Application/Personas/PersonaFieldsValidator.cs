using FluentValidation;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.Application.Personas;

/// <summary>The persona fields a client writes, shared by create and update.</summary>
public interface IPersonaFields
{
    string? Name { get; }
    string? Description { get; }
    string? RelationType { get; }
}

public sealed class PersonaFieldsValidator : AbstractValidator<IPersonaFields>
{
    public PersonaFieldsValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(Persona.NameMaxLength);
        RuleFor(p => p.Description).MaximumLength(Persona.DescriptionMaxLength);
        RuleFor(p => p.RelationType).MaximumLength(Persona.RelationTypeMaxLength);
    }
}
