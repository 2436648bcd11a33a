using System.Text.RegularExpressions;

namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>
/// The last line of defence for credentials in logs: whatever a framework category writes at whatever
/// level (the router's debug lines name the request path, and a signed URL's path is its credential),
/// a JSON Web Token and the token of a signed media URL are replaced before the line is written.
/// The service's own lines never carry either; they log route templates, not paths.
/// </summary>
internal static partial class LogRedaction
{
    public const string Redacted = "[redacted]";

    public static string Redact(string text)
    {
        // Cheap tests first: nearly every line has neither.
        if (text.Contains("eyJ", StringComparison.Ordinal))
        {
            text = Jwt().Replace(text, Redacted);
        }

        if (text.Contains("/media/", StringComparison.OrdinalIgnoreCase))
        {
            text = SignedMediaPath().Replace(text, "/media/" + Redacted);
        }

        return text;
    }

    /// <summary>A compact JWS: base64url header starting <c>{"</c> (<c>eyJ</c>), payload, optional signature.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)?")]
    private static partial Regex Jwt();

    /// <summary>The path segment after <c>/media/</c>, up to the next separator.</summary>
    [GeneratedRegex(@"/media/(?!\[redacted\]|\{)[^/?#\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SignedMediaPath();
}
