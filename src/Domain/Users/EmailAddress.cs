using System.Globalization;
using System.Text;
using PersonaMedia.Domain.Common;

namespace PersonaMedia.Domain.Users;

/// <summary>
/// The strict form of an email address that sign-up accepts: <c>local@domain</c> with one <c>@</c>,
/// a local part of at most 64 bytes without whitespace, control, format or RFC 5322 special
/// characters (so no CR/LF header tricks, no <c>&lt;script&gt;</c>), and a domain that IDNA accepts
/// (at least two labels, letters, digits and hyphens once in ASCII form). The domain is kept
/// lower-cased in its Unicode form; addresses compare by NFKC local part and ASCII (punycode) domain,
/// case-insensitively, so <c>a@BÜCHER.example</c> and <c>a@xn--bcher-kva.example</c> are one account.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    public const int LocalPartMaxBytes = 64;

    /// <summary>Characters RFC 5322 allows only inside a quoted local part, which is not accepted here.</summary>
    private const string Specials = "<>()[]\\,;:\"@";

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>What is wrong with <paramref name="value"/> as an address, as a clause ("must not contain ..."), or null.</summary>
    public static string? Problem(string? value) => TryParse(value, out _, out _, out var problem) ? null : problem;

    /// <summary>The address as it is stored and shown: NFKC local part, lower-cased Unicode domain.</summary>
    public static string Canonical(string value) =>
        TryParse(value, out var canonical, out _, out var problem) ? canonical : throw new DomainException("The email address " + problem, "email");

    /// <summary>
    /// The form under which addresses are unique. An address that is not acceptable still gets a form
    /// (the trimmed, upper-cased text), so a sign-in with it simply finds no one.
    /// </summary>
    public static string Normalize(string value) =>
        TryParse(value, out _, out var normalized, out _) ? normalized : value.Trim().ToUpperInvariant();

    private static bool TryParse(string? value, out string canonical, out string normalized, out string problem)
    {
        canonical = normalized = string.Empty;
        var text = value?.Trim() ?? string.Empty;
        problem = Check(text, out var local, out var domain) ?? string.Empty;
        if (problem.Length > 0)
        {
            return false;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            problem = "has a domain that is not a valid domain name.";
            return false;
        }

        if (!ascii.Contains('.', StringComparison.Ordinal) || ascii.Length > 253)
        {
            problem = "needs a full domain name after the @, such as example.com.";
            return false;
        }

        canonical = local + "@" + Idn.GetUnicode(ascii);
        normalized = (local + "@" + ascii).ToUpperInvariant();
        if (canonical.Length > MaxLength || normalized.Length > MaxLength)
        {
            problem = $"must be at most {MaxLength} characters.";
            return false;
        }

        return true;
    }

    private static string? Check(string text, out string local, out string domain)
    {
        local = domain = string.Empty;
        if (text.Length == 0)
        {
            return "is required.";
        }

        if (text.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters.";
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1 || text.IndexOf('@', at + 1) >= 0)
        {
            return "needs exactly one @ with text on both sides.";
        }

        if (text.Any(char.IsWhiteSpace) || IdentifierCharacters.ContainsForbidden(text))
        {
            return "must not contain spaces, line breaks, control or invisible characters.";
        }

        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
            at = text.IndexOf('@', StringComparison.Ordinal);
        }

        local = text[..at].Normalize(NormalizationForm.FormKC);
        domain = text[(at + 1)..];
        if (local.Any(c => Specials.Contains(c, StringComparison.Ordinal)) || domain.Any(c => Specials.Contains(c, StringComparison.Ordinal)))
        {
            return "must not contain any of < > ( ) [ ] \\ , ; : \" besides its one @.";
        }

        if (Encoding.UTF8.GetByteCount(local) > LocalPartMaxBytes)
        {
            return $"must have at most {LocalPartMaxBytes} bytes before the @.";
        }

        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return "must not start or end with a dot before the @, or hold two dots in a row there.";
        }

        return null;
    }
}
