using System.Buffers;
using System.Globalization;
using System.Text;

namespace PersonaMedia.Domain.Users;

/// <summary>
/// Characters that no name or address a person signs up with may contain, because they are invisible
/// or change how the text around them is shown: controls (CR, LF, NUL), format characters (zero-width
/// space and joiners, the byte-order mark, every bidi control such as RLO), the other default-ignorable
/// code points (Hangul fillers, variation selectors, the combining grapheme joiner), line and paragraph
/// separators, private-use and unassigned code points, and unpaired surrogates.
/// </summary>
public static class IdentifierCharacters
{
    /// <summary>Whether <paramref name="text"/> holds any such character (or is not well-formed UTF-16).</summary>
    public static bool ContainsForbidden(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done || IsForbidden(rune))
            {
                return true;
            }

            rest = rest[consumed..];
        }

        return false;
    }

    private static bool IsForbidden(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => true,
        _ => IsOtherDefaultIgnorable(rune.Value),
    };

    /// <summary>Default_Ignorable_Code_Point (Unicode DerivedCoreProperties) outside the Cf category.</summary>
    private static bool IsOtherDefaultIgnorable(int value) => value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xE0100 and <= 0xE01EF);
}
