using FluentValidation;

namespace PersonaMedia.Application.Media.Delivery;

internal static class IncludeRule
{
    /// <summary><c>include</c> is absent or <c>urls</c>, the one extra a file answer offers.</summary>
    public static IRuleBuilderOptions<T, string?> IncludeIsUrls<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(include => include is null or MediaUrls.IncludeUrls)
            .WithMessage($"include must be {MediaUrls.IncludeUrls} (adds download_url to each file).");
}
