using FluentValidation;
using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Application.Media.Queries.ListPersonaMedia;

public sealed class ListPersonaMediaQueryValidator : AbstractValidator<ListPersonaMediaQuery>
{
    public ListPersonaMediaQueryValidator()
    {
        RuleFor(q => q.MediaType).IsInEnum();
        RuleFor(q => q.Limit).InclusiveBetween(1, ListPersonaMediaQuery.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Include).IncludeIsUrls();
    }
}
