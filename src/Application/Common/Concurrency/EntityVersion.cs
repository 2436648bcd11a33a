using System.Globalization;

namespace PersonaMedia.Application.Common.Concurrency;

/// <summary>
/// The version of a persona or a media file, as its entity tag carries it: its <c>updated_at</c>
/// in ticks, which every change advances (by a tick at least, see the domain's guard). No column of
/// its own is needed, and a conditional update compares the same value the database holds.
/// </summary>
public static class EntityVersion
{
    public static string Of(DateTime updatedAt) => updatedAt.Ticks.ToString("x", CultureInfo.InvariantCulture);
}

/// <summary>A resource whose JSON carries a version; <see cref="EntityVersion.Of"/> of its <see cref="UpdatedAt"/>.</summary>
public interface IVersioned
{
    DateTime UpdatedAt { get; }
}

/// <summary>
/// What a client's <c>If-Match</c> asks: that the resource still is one of the listed versions,
/// or (<c>*</c>) that it exists at all. An update without one is unconditional: last write wins.
/// </summary>
public sealed record IfMatch(IReadOnlyList<string> Versions, bool AnyVersion)
{
    public static IfMatch Any { get; } = new([], true);

    /// <summary>Whether the resource as it is now may be changed.</summary>
    public bool Accepts(DateTime updatedAt) => AnyVersion || Versions.Contains(EntityVersion.Of(updatedAt), StringComparer.Ordinal);

    /// <summary>Whether the update must also find, in the database itself, the version it was checked against.</summary>
    public bool NamesVersions => !AnyVersion;
}
