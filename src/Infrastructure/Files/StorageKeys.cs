using System.Text.RegularExpressions;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// The shape every store accepts: relative, '/'-separated segments of letters, digits, '.', '_' and
/// '-', none of them '.' or '..'. Checked before any path or blob name is built from a key.
/// </summary>
internal static partial class StorageKeys
{
    public const int MaxLength = 512;

    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxLength || !KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a valid storage key.", nameof(key));
        }
    }

    // \z, not $: '$' also matches before a final '\n', which would let "a.jpg\n" through.
    [GeneratedRegex(@"^(?!\.{1,2}(/|\z))[A-Za-z0-9_-][A-Za-z0-9._-]*(/(?!\.{1,2}(/|\z))[A-Za-z0-9_-][A-Za-z0-9._-]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
