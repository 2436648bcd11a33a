using FluentValidation;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// The upload rules decidable before the bytes arrive, in SPEC's order: the extension (rule 4),
/// the declared content type (rule 5) and the description's length (rule 7). Run by the
/// validation behaviour like every other validator; errors are keyed by the form field concerned.
/// </summary>
public sealed class UploadMediaCommandValidator : AbstractValidator<UploadMediaCommand>
{
    public UploadMediaCommandValidator()
    {
        RuleFor(c => c.MediaType).IsInEnum();

        RuleFor(c => c.FileName)
            .Must((c, name) => MediaRules.FormatForFileName(c.MediaType, name) is not null)
            .OverridePropertyName(UploadMediaCommand.FileField)
            .WithErrorCode(UploadRefusals.Extension)
            .WithMessage(c => $"Invalid file type. Allowed extensions for {Plural(c.MediaType)}: "
                + string.Join(", ", MediaRules.AllowedExtensions(c.MediaType)) + ".");

        RuleFor(c => c.ContentType)
            .Must((c, type) => type is null || MediaRules.FormatForContentType(c.MediaType, type) is not null)
            .OverridePropertyName(UploadMediaCommand.FileField)
            .WithErrorCode(UploadRefusals.ContentType)
            .WithMessage(c => $"Invalid content type '{c.ContentType}'. Allowed for {Plural(c.MediaType)}: "
                + string.Join(", ", MediaRules.AllowedContentTypes(c.MediaType)) + ".");

        RuleFor(c => c.Description)
            .MaximumLength(MediaRules.DescriptionMaxLength)
            .OverridePropertyName(UploadMediaCommand.DescriptionField)
            .WithErrorCode(UploadRefusals.Description);
    }

    private static string Plural(MediaType type) => type == MediaType.Video ? "videos" : "images";
}
