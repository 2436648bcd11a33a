using System.Text;
using Microsoft.Net.Http.Headers;

namespace PersonaMedia.WebApi.Infrastructure;

internal static class ContentDispositions
{
    /// <summary>
    /// <c>attachment; filename="ascii fallback"; filename*=UTF-8''original</c> (RFC 6266 with RFC 5987
    /// encoding): every client gets a name, and those that read <c>filename*</c> get the real one.
    /// </summary>
    public static string Attachment(string fileName) => Of("attachment", fileName);

    /// <summary>The same, <c>inline</c>: shown in place, and saved under the original name.</summary>
    public static string Inline(string fileName) => Of("inline", fileName);

    private static string Of(string type, string fileName)
    {
        var header = new ContentDispositionHeaderValue(type)
        {
            FileName = '"' + AsciiFallback(fileName) + '"',
            FileNameStar = fileName,
        };
        return header.ToString();
    }

    /// <summary>The name with every character a quoted-string cannot carry plainly replaced by '_'.</summary>
    private static string AsciiFallback(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var rune in fileName.EnumerateRunes())
        {
            builder.Append(rune.Value is >= 0x20 and < 0x7F and not '"' and not '\\' ? (char)rune.Value : '_');
        }

        return builder.ToString();
    }
}
