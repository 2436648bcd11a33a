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
}
