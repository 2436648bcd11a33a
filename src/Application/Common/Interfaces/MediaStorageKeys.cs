using System.Globalization;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// The one place that lays out where a media file's bytes live in any <see cref="IFileStore"/>:
/// <c>{user_id}/{persona_id}/{stored name}</c>, the stored name being the file's server-chosen
/// <c>{uuid}.{ext}</c>. Every store uses the same key, so files move between stores unchanged.
/// </summary>
public static class MediaStorageKeys
{
    public static string For(int userId, int personaId, string storedName) =>
        string.Create(CultureInfo.InvariantCulture, $"{userId}/{personaId}/{storedName}");

    /// <summary>The prefix every key of the persona's objects starts with: <c>{user_id}/{persona_id}/</c>.</summary>
    public static string PersonaPrefix(int userId, int personaId) =>
        string.Create(CultureInfo.InvariantCulture, $"{userId}/{personaId}/");

    /// <summary>
    /// The media file a stored object belongs to, read back from its key: the owner's folder and the
    /// stem of the stored name (the part before its first '.'). An original <c>{uuid}.{ext}</c> and
    /// anything derived from it and kept beside it (<c>{uuid}.{anything}</c>) share that stem. False
    /// for keys of other shapes, such as the readiness probe's.
    /// </summary>
    public static bool TryParse(string key, out int userId, out int personaId, out string stem)
    {
        userId = personaId = 0;
        stem = string.Empty;
        var parts = key.Split('/');
        if (parts.Length != 3
            || !TryParseId(parts[0], out userId)
            || !TryParseId(parts[1], out personaId))
        {
            return false;
        }

        var dot = parts[2].IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        stem = parts[2][..dot];
        return true;
    }

    /// <summary>The stem of a stored name: <c>{uuid}</c> of <c>{uuid}.{ext}</c>.</summary>
    public static string StemOf(string storedName)
    {
        var dot = storedName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? storedName : storedName[..dot];
    }

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0
            && text[0] != '0';
}
