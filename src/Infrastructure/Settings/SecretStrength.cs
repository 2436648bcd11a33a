using System.Text;

namespace PersonaMedia.Infrastructure.Settings;

/// <summary>
/// Refuses secrets that are not secret: the placeholders shipped in <c>.env.example</c> and the
/// documentation, and keys of plainly low entropy. Length alone let the 46-byte placeholder
/// through, and a token forged with it was accepted. Each rule is one a person can see in the key
/// itself, so the message can say which; random keys (<c>openssl rand -base64 48</c>, or
/// <c>-hex 32</c>) pass every one of them.
/// </summary>
public static class SecretStrength
{
    /// <summary>Fewer distinct bytes than this is not a random key of 32 bytes or more, even in hex (16 symbols).</summary>
    public const int MinimumDistinctBytes = 10;

    /// <summary>The signing key placeholder of <c>.env.example</c>, exactly as shipped.</summary>
    public const string EnvExamplePlaceholder = "change-me-to-a-random-key-of-at-least-32-bytes";

    private static readonly string[] PlaceholderWords = ["change-me", "changeme", "change_me", "replace-me", "replaceme", "placeholder"];

    /// <summary>Why <paramref name="secret"/> is too weak to use, as a clause ("is the placeholder ..."), or null.</summary>
    public static string? Weakness(string secret)
    {
        if (secret == EnvExamplePlaceholder || PlaceholderWords.Any(w => secret.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return "is a placeholder from the examples, which anyone can read, so anyone could sign with it";
        }

        if (secret.Any(char.IsWhiteSpace))
        {
            return "contains whitespace (a pasted line break or a phrase of words is not a random key)";
        }

        var bytes = Encoding.UTF8.GetBytes(secret);
        var distinct = bytes.Distinct().Count();
        if (distinct == 1)
        {
            return "is one character repeated";
        }

        if (distinct < MinimumDistinctBytes)
        {
            return $"has only {distinct} distinct bytes (a random key has many more)";
        }

        return ShortestPeriod(bytes) is { } period && period <= bytes.Length / 2
            ? $"repeats one sequence of {period} bytes"
            : null;
    }

    /// <summary>The length of the shortest block that the key repeats (whole or cut off at the end), if shorter than the key.</summary>
    private static int? ShortestPeriod(byte[] bytes)
    {
        for (var period = 1; period < bytes.Length; period++)
        {
            var repeats = true;
            for (var i = period; i < bytes.Length && repeats; i++)
            {
                repeats = bytes[i] == bytes[i - period];
            }

            if (repeats)
            {
                return period;
            }
        }

        return null;
    }
}
