using FluentValidation;

namespace PersonaMedia.Application.Personas.Commands.CreatePersona;

public sealed class CreatePersonaCommandValidator : AbstractValidator<CreatePersonaCommand>
{
    public CreatePersonaCommandValidator() => Include(new PersonaFieldsValidator());
}
