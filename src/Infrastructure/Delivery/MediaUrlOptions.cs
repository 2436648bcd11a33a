using System.Text;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.Infrastructure.Delivery;

/// <summary>The signed media URL settings of the <c>Media</c> section.</summary>
public sealed class MediaUrlOptions
{
    public const string SectionName = "Media";

    public const int DefaultExpirySeconds = 300;
    public const int DefaultMaxExpirySeconds = 3600;

    /// <summary>A day: a longer-lived URL is a share link, which this is not.</summary>
    public const int MaxMaxExpirySeconds = 24 * 60 * 60;

    public static readonly IReadOnlyList<string> CrossOriginResourcePolicies = ["same-site", "same-origin", "cross-origin"];

    /// <summary>
    /// The keys that sign media URLs: the first signs, every one is accepted, so a new key goes
    /// first and the old one stays second until the URLs it signed have expired. Required outside
    /// Development; in Development, without one, a key is derived from the JWT signing key.
    /// </summary>
    public List<string> UrlSigningKeys { get; set; } = [];

    /// <summary>Seconds a URL lives when <c>expires_in</c> is not given.</summary>
    public int UrlDefaultExpirySeconds { get; set; } = DefaultExpirySeconds;

    /// <summary>The largest <c>expires_in</c> accepted.</summary>
    public int UrlMaxExpirySeconds { get; set; } = DefaultMaxExpirySeconds;

    /// <summary>
    /// <c>Cross-Origin-Resource-Policy</c> of signed media: <c>same-site</c> (default), <c>same-origin</c>,
    /// or <c>cross-origin</c> for front-ends on another site.
    /// </summary>
    public string CrossOriginResourcePolicy { get; set; } = "same-site";

    /// <summary>
    /// The absolute base URL clients reach the service at (say, behind a proxy), for the URLs it
    /// hands out; empty for the scheme and host of each request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<string> Problems(bool isDevelopment)
    {
        for (var i = 0; i < UrlSigningKeys.Count; i++)
        {
            var key = UrlSigningKeys[i] ?? string.Empty;
            var bytes = Encoding.UTF8.GetByteCount(key);
            if (bytes < JwtOptions.MinimumKeyBytes)
            {
                yield return $"The media URL signing key Media:UrlSigningKeys:{i} is {bytes} bytes; it must be at least "
                    + $"{JwtOptions.MinimumKeyBytes} bytes (for example openssl rand -base64 48).";
            }
            else if (SecretStrength.Weakness(key) is { } weakness)
            {
                yield return $"The media URL signing key Media:UrlSigningKeys:{i} {weakness}; set Media__UrlSigningKeys__{i} to a random key "
                    + "(for example openssl rand -base64 48).";
            }
        }

        if (UrlSigningKeys.Count == 0 && !isDevelopment)
        {
            yield return "Media:UrlSigningKeys is not configured. Outside Development signed media URLs need a key of their own of at least "
                + $"{JwtOptions.MinimumKeyBytes} bytes; set it, for example, with the environment variable Media__UrlSigningKeys__0.";
        }

        if (UrlMaxExpirySeconds is < 1 or > MaxMaxExpirySeconds)
        {
            yield return $"Media:UrlMaxExpirySeconds {UrlMaxExpirySeconds} must lie between 1 and {MaxMaxExpirySeconds}; "
                + $"set Media__UrlMaxExpirySeconds (default {DefaultMaxExpirySeconds}).";
        }
        else if (UrlDefaultExpirySeconds < 1 || UrlDefaultExpirySeconds > UrlMaxExpirySeconds)
        {
            yield return $"Media:UrlDefaultExpirySeconds {UrlDefaultExpirySeconds} must lie between 1 and Media:UrlMaxExpirySeconds "
                + $"({UrlMaxExpirySeconds}); set Media__UrlDefaultExpirySeconds (default {DefaultExpirySeconds}).";
        }

        if (!CrossOriginResourcePolicies.Contains(CrossOriginResourcePolicy))
        {
            yield return $"Media:CrossOriginResourcePolicy '{CrossOriginResourcePolicy}' must be one of {string.Join(", ", CrossOriginResourcePolicies)}; "
                + "set Media__CrossOriginResourcePolicy (default same-site).";
        }

        if (!string.IsNullOrEmpty(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)))
        {
            yield return $"Media:PublicBaseUrl '{PublicBaseUrl}' must be an absolute http or https URL without a query, such as "
                + "https://media.example.com/; set Media__PublicBaseUrl, or leave it empty for each request's own address.";
        }
    }
}
