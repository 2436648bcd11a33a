using FluentValidation;
using PersonaMedia.Application.Common.Interfaces;

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
    }
}
