using FluentValidation;

namespace PersonaMedia.Application.Media.Queries.ListPersonaMedia;

public sealed class ListPersonaMediaQueryValidator : AbstractValidator<ListPersonaMediaQuery>
{
    public ListPersonaMediaQueryValidator()
    {
        RuleFor(q => q.MediaType)
            .Must(type => type is null || MediaTypes.Parse(type) is not null)
            .WithMessage("'media_type' must be 'image' or 'video'.");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListPersonaMediaQuery.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
    }
}
