using FluentValidation;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media;

namespace PersonaMedia.Application.Media.Queries.GetMediaFileUrl;

public sealed class GetMediaFileUrlQueryValidator : AbstractValidator<GetMediaFileUrlQuery>
{
    public GetMediaFileUrlQueryValidator(IMediaUrlSigner signer)
    {
        var max = (int)signer.MaxLifetime.TotalSeconds;
        RuleFor(q => q.Disposition)
            .Must(d => d is null or GetMediaFileUrlQuery.Inline or GetMediaFileUrlQuery.Attachment)
            .WithMessage($"disposition must be {GetMediaFileUrlQuery.Inline} or {GetMediaFileUrlQuery.Attachment}.");
        RuleFor(q => q.ExpiresIn)
            .InclusiveBetween(1, max)
            .When(q => q.ExpiresIn is not null)
            .WithMessage($"expires_in must be a number of seconds from 1 to {max}.");
        RuleFor(q => q.Size)
            .Must(size => size is null || ThumbnailPresets.Sizes.Contains(size.Value))
            .OverridePropertyName("size")
            .WithMessage($"size must be one of {string.Join(", ", ThumbnailPresets.Sizes)}, for a thumbnail's URL.");
        RuleFor(q => q.Format)
            .Must((q, format) => format is null || (q.Size is not null && ThumbnailPresets.Parse(format) is not null))
            .OverridePropertyName("format")
            .WithMessage("format must be webp or jpeg, and goes with a size (a thumbnail's URL).");
    }
}
