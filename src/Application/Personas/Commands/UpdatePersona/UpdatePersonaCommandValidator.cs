using FluentValidation;

namespace PersonaMedia.Application.Personas.Commands.UpdatePersona;

public sealed class UpdatePersonaCommandValidator : AbstractValidator<UpdatePersonaCommand>
{
    public UpdatePersonaCommandValidator() => Include(new PersonaFieldsValidator());
}
