using FluentValidation;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// The upload rules that can be checked before the bytes arrive, in SPEC's order: the extension
/// (rule 4), the declared content type (rule 5) and the description's length (rule 7). Errors are
/// keyed by the form field they concern.
/// </summary>
public sealed class UploadFilePartDescriptorValidator : AbstractValidator<UploadFilePartDescriptor>
{
    public UploadFilePartDescriptorValidator()
    {
        RuleFor(d => d.FileName)
            .Must((d, name) => MediaRules.FormatForFileName(d.MediaType, name) is not null)
            .OverridePropertyName(UploadMediaCommand.FileField)
            .WithMessage(d => $"Invalid file type. Allowed extensions for {Describe(d.MediaType)}: "
                + string.Join(", ", MediaRules.AllowedExtensions(d.MediaType)) + ".");

        RuleFor(d => d.ContentType)
            .Must((d, type) => MediaRules.Declared(d.MediaType, type).IsAllowed)
            .OverridePropertyName(UploadMediaCommand.FileField)
            .WithMessage(d => $"Invalid content type '{MediaRules.MediaTypeEssence(d.ContentType)}'. Allowed for {Describe(d.MediaType)}: "
                + string.Join(", ", MediaRules.AllowedContentTypes(d.MediaType)) + ".");

        RuleFor(d => d.Description)
            .MaximumLength(MediaRules.DescriptionMaxLength)
            .OverridePropertyName(UploadMediaCommand.DescriptionField);
    }

    private static string Describe(MediaType type) => type == MediaType.Video ? "videos" : "images";
}
