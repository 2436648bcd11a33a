using FluentValidation;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

public sealed class UploadMediaCommandValidator : AbstractValidator<UploadMediaCommand>
{
    public UploadMediaCommandValidator()
    {
        RuleFor(c => c.MediaType).IsInEnum();
        RuleFor(c => c.Form).NotNull();
    }
}
