using Microsoft.Extensions.Options;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>The <c>Cors</c> configuration section: the browser origins allowed to call the API.</summary>
public sealed class CorsSettings
{
    public const string SectionName = "Cors";
    public const string OriginsKey = SectionName + ":" + nameof(AllowedOrigins);

    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// A browser sends its origin as <c>scheme://host[:port]</c> and nothing else, so an entry with
    /// a path (even a trailing <c>/</c>), a comma list or a single value without an index would
    /// never match one: each is refused instead of being silently ignored.
    /// </summary>
    internal sealed class Validator(IConfiguration configuration) : IValidateOptions<CorsSettings>
    {
        private const string Fix = "give each origin its own index: Cors__AllowedOrigins__0=https://app.example.com, Cors__AllowedOrigins__1=and so on";

        public ValidateOptionsResult Validate(string? name, CorsSettings options)
        {
            var problems = new List<string>();
            if (configuration[OriginsKey] is { Length: > 0 } single)
            {
                problems.Add($"{OriginsKey} is set as one value ('{single}') where a list is expected: {Fix}.");
            }

            for (var i = 0; i < options.AllowedOrigins.Length; i++)
            {
                if (Problem(options.AllowedOrigins[i]) is { } problem)
                {
                    problems.Add($"{OriginsKey}:{i} '{options.AllowedOrigins[i]}' {problem}");
                }
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }

        private static string? Problem(string origin)
        {
            if (origin.Contains(',', StringComparison.Ordinal))
            {
                return $"is a comma list, which no browser sends: {Fix}.";
            }

            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return "is not an origin: write scheme://host[:port], for example https://app.example.com.";
            }

            if (origin.EndsWith('/') || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                return $"has more than scheme://host[:port], so no browser's Origin would match it: write {uri.GetLeftPart(UriPartial.Authority)}.";
            }

            return null;
        }
    }
}
