using System.Buffers;
using System.Globalization;
using System.Text;

namespace PersonaMedia.Domain.Media;

/// <summary>
/// Makes a client-supplied file name safe to keep and show: only its base name survives, without
/// control or invisible formatting characters and without directory tricks. It is for display
/// only and never becomes part of a storage path.
/// </summary>
public static class OriginalFileName
{
    private const string Fallback = "upload";

    /// <summary>Names up to this many chars are cleaned in a stack buffer; longer ones in a pooled array.</summary>
    private const int StackBufferLength = 512;

    /// <summary>
    /// The display name for a client-supplied file name. Allocates only its result, and returns
    /// <paramref name="fileName"/> itself when it is already clean.
    /// </summary>
    public static string Sanitize(string? fileName, MediaFormat detected)
    {
        var baseName = BaseName(fileName);
        if (!HasInvisible(baseName))
        {
            return Finish(fileName, baseName, detected);
        }

        char[]? rented = null;
        var buffer = baseName.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : rented = ArrayPool<char>.Shared.Rent(baseName.Length);
        try
        {
            var length = RemoveInvisible(baseName, buffer);
            return Finish(null, buffer[..length], detected);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<char> BaseName(ReadOnlySpan<char> name)
    {
        var lastSeparator = name.LastIndexOfAny('/', '\\');
        return lastSeparator < 0 ? name : name[(lastSeparator + 1)..];
    }

    /// <summary>
    /// Trims, falls back or truncates <paramref name="name"/>, a visible base name. When it is all of
    /// <paramref name="original"/> and needs nothing, that string is returned instead of a copy.
    /// </summary>
    private static string Finish(string? original, ReadOnlySpan<char> name, MediaFormat detected)
    {
        var cleaned = name[LeadingJunkLength(name)..].TrimEnd();
        if (cleaned.IsEmpty || IsOnlyAnExtension(name.TrimEnd()))
        {
            return Fallback + detected.Extension;
        }

        if (cleaned.Length > MediaRules.OriginalFilenameMaxLength)
        {
            return Truncate(cleaned, MediaRules.OriginalFilenameMaxLength);
        }

        return original is not null && cleaned.Length == original.Length ? original : cleaned.ToString();
    }

    /// <summary>A name such as ".jpg" or ". .png" has no stem to show; stripping its dot would leave "jpg".</summary>
    private static bool IsOnlyAnExtension(ReadOnlySpan<char> name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        return !Path.GetExtension(name).IsEmpty && LeadingJunkLength(stem) == stem.Length;
    }

    /// <summary>
    /// Leading dots and whitespace in any mix (". ..", " . x"): a shown name never starts like a
    /// relative path or a hidden file, and one made only of them is nothing.
    /// </summary>
    private static int LeadingJunkLength(ReadOnlySpan<char> name)
    {
        var length = 0;
        while (length < name.Length && (name[length] == '.' || char.IsWhiteSpace(name[length])))
        {
            length++;
        }

        return length;
    }

    /// <summary>
    /// Whether <see cref="RemoveInvisible"/> would change anything. Any surrogate counts: the pair
    /// may be an invisible tag character, or the surrogate may be unpaired.
    /// </summary>
    private static bool HasInvisible(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (char.IsAscii(c) ? char.IsControl(c) : char.IsSurrogate(c) || IsInvisible(char.GetUnicodeCategory(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Copies <paramref name="name"/> without its invisible characters into <paramref name="destination"/>
    /// (at least as long) and says how many chars it wrote. An unpaired surrogate becomes U+FFFD,
    /// one char for one, so the result is always well-formed text.
    /// </summary>
    private static int RemoveInvisible(ReadOnlySpan<char> name, Span<char> destination)
    {
        var written = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (!IsInvisible(Rune.GetUnicodeCategory(rune)))
            {
                written += rune.EncodeToUtf16(destination[written..]);
            }
        }

        return written;
    }

    // Control characters break headers and logs; format characters such as U+202E
    // (right-to-left override) make "gpj.exe" display as "exe.jpg".
    private static bool IsInvisible(UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Cuts the stem, not the extension, and never splits a surrogate pair.</summary>
    private static string Truncate(ReadOnlySpan<char> name, int maxLength)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length >= maxLength / 2)
        {
            extension = [];
        }

        var stemLength = maxLength - extension.Length;
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return string.Concat(name[..stemLength], extension);
    }
}
