using FluentValidation;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UpdateMediaDescription;

public sealed class UpdateMediaDescriptionCommandValidator : AbstractValidator<UpdateMediaDescriptionCommand>
{
    public UpdateMediaDescriptionCommandValidator() =>
        RuleFor(c => c.Description).MaximumLength(MediaRules.DescriptionMaxLength);
}
