using System.Text;

namespace PersonaMedia.Domain.Users;

/// <summary>
/// The rules for the name a person signs up under. It is kept in Unicode normalisation form KC, so
/// the fullwidth <c>ａｌｉｃｅ</c> and the Kelvin sign's <c>K</c> become the plain letters they look
/// like; it may not contain any of <see cref="IdentifierCharacters"/>; and it is unique regardless of
/// case. Look-alikes that NFKC keeps apart (Cyrillic <c>а</c> for Latin <c>a</c>, dotless <c>ı</c>)
/// are caught by the confusable skeleton (Unicode TR39), which the application computes and the
/// database keeps unique beside this.
/// </summary>
public static class UsernameRules
{
    public const int MaxLength = 50;

    /// <summary>What is wrong with <paramref name="value"/> as a username, as a clause ("must not contain ..."), or null.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is required.";
        }

        if (IdentifierCharacters.ContainsForbidden(value))
        {
            return "must not contain control, invisible (zero-width) or text-direction characters.";
        }

        var canonical = Canonical(value);
        if (canonical.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters.";
        }

        return IdentifierCharacters.ContainsForbidden(canonical)
            ? "must not contain control, invisible (zero-width) or text-direction characters."
            : null;
    }

    /// <summary>The username as it is stored and shown: trimmed and in NFKC.</summary>
    public static string Canonical(string value) => value.Trim().Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>
    /// The form under which usernames are unique: NFKC, case-insensitive and culture-invariant. The
    /// unique index is on this column, so two racing registrations cannot both win.
    /// </summary>
    public static string Normalize(string value) => Canonical(value).ToUpperInvariant();
}
