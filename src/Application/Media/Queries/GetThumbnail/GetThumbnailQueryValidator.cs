using FluentValidation;

namespace PersonaMedia.Application.Media.Queries.GetThumbnail;

/// <summary>Only the presets are made: any other size is a 400 keyed by <c>size</c>.</summary>
public sealed class GetThumbnailQueryValidator : AbstractValidator<GetThumbnailQuery>
{
    public GetThumbnailQueryValidator()
    {
        RuleFor(q => q.Size)
            .Must(size => ThumbnailPresets.Sizes.Contains(size))
            .OverridePropertyName(GetThumbnailQuery.SizeField)
            .WithMessage($"size must be one of {string.Join(", ", ThumbnailPresets.Sizes)}.");
        RuleFor(q => q.Format)
            .Must(format => ThumbnailPresets.Parse(format) is not null)
            .OverridePropertyName(GetThumbnailQuery.FormatField)
            .WithMessage("format must be webp or jpeg.");
    }
}
