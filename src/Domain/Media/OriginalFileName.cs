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

    public static string Sanitize(string? fileName, MediaFormat detected)
    {
        var baseName = BaseName(fileName ?? string.Empty);
        var visible = RemoveInvisible(baseName);
        var cleaned = visible.AsSpan(LeadingJunkLength(visible)).TrimEnd().ToString();
        if (cleaned.Length == 0)
        {
            return Fallback + detected.Extension;
        }

        return Truncate(cleaned, MediaRules.OriginalFilenameMaxLength);
    }

    /// <summary>
    /// Leading dots and whitespace in any mix (". ..", " . x"): a shown name never starts like a
    /// relative path or a hidden file, and one made only of them is nothing.
    /// </summary>
    private static int LeadingJunkLength(string name)
    {
        var length = 0;
        while (length < name.Length && (name[length] == '.' || char.IsWhiteSpace(name[length])))
        {
            length++;
        }

        return length;
    }

    private static ReadOnlySpan<char> BaseName(ReadOnlySpan<char> name)
    {
        var lastSeparator = name.LastIndexOfAny('/', '\\');
        return lastSeparator < 0 ? name : name[(lastSeparator + 1)..];
    }

    private static string RemoveInvisible(ReadOnlySpan<char> name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Control characters break headers and logs; format characters such as U+202E
            // (right-to-left override) make "gpj.exe" display as "exe.jpg".
            if (category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Cuts the stem, not the extension, and never splits a surrogate pair.</summary>
    private static string Truncate(string name, int maxLength)
    {
        if (name.Length <= maxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length >= maxLength / 2)
        {
            extension = string.Empty;
        }

        var stemLength = maxLength - extension.Length;
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return string.Concat(name.AsSpan(0, stemLength), extension);
    }
}
