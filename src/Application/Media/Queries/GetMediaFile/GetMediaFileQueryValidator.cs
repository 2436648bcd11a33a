using FluentValidation;
using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Application.Media.Queries.GetMediaFile;

public sealed class GetMediaFileQueryValidator : AbstractValidator<GetMediaFileQuery>
{
    public GetMediaFileQueryValidator() => RuleFor(q => q.Include).IncludeIsUrls();
}
