namespace PersonaMedia.Application.Media;

/// <summary>A thumbnail's size in pixels, as listed on the media file, and whether it is stored yet.</summary>
public sealed record ThumbnailDto(int Width, int Height, bool Ready = false)
{
    /// <summary>With <c>?include=urls</c>: a signed inline URL of the WebP; otherwise null, and left out of the JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }
}

/// <summary>The encodings a thumbnail is served in: WebP (made for every image), JPEG when asked for.</summary>
public enum ThumbnailFormat
{
    Webp = 0,
    Jpeg = 1,
}

/// <summary>
/// The thumbnail presets (160 and 640 px on the long side, never enlarged; WebP, or JPEG when asked)
/// and where each is stored: beside its original, <c>{uuid}.thumb-{size}.webp</c> (or <c>.jpg</c>),
/// so it shares the original's stem (the store reconciler counts it as the file's) and its persona's
/// folder (deleted with it).
/// </summary>
public static class ThumbnailPresets
{
    public const string ContentType = "image/webp";

    public static IReadOnlyList<int> Sizes { get; } = [160, 640];

    public static IReadOnlyList<ThumbnailFormat> Formats { get; } = [ThumbnailFormat.Webp, ThumbnailFormat.Jpeg];

    /// <summary>The <c>format</c> query values: <c>webp</c>, <c>jpeg</c>.</summary>
    public static string NameOf(ThumbnailFormat format) => format == ThumbnailFormat.Jpeg ? "jpeg" : "webp";

    public static ThumbnailFormat? Parse(string? name) => name switch
    {
        null or "webp" => ThumbnailFormat.Webp,
        "jpeg" or "jpg" => ThumbnailFormat.Jpeg,
        _ => null,
    };

    public static string ContentTypeOf(ThumbnailFormat format) => format == ThumbnailFormat.Jpeg ? "image/jpeg" : ContentType;

    public static string StoredName(string originalStoredName, int size, ThumbnailFormat format = ThumbnailFormat.Webp)
    {
        var dot = originalStoredName.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? originalStoredName : originalStoredName[..dot];
        return $"{stem}.thumb-{size}{(format == ThumbnailFormat.Jpeg ? ".jpg" : ".webp")}";
    }

    /// <summary>Every name a file's thumbnails may be stored under, in every size and format.</summary>
    public static IEnumerable<string> AllStoredNames(string originalStoredName) =>
        Sizes.SelectMany(size => Formats.Select(format => StoredName(originalStoredName, size, format)));

    /// <summary>The entity tag of a thumbnail: the original never changes, so neither does it (the WebP's is the one served before JPEG existed).</summary>
    public static string ETagOf(string originalSha256, int size, ThumbnailFormat format) =>
        format == ThumbnailFormat.Jpeg ? $"\"{originalSha256}-{size}-jpeg\"" : $"\"{originalSha256}-{size}\"";

    /// <summary>Each preset's size for an image shown <paramref name="width"/> x <paramref name="height"/>: the long side brought down to the preset.</summary>
    public static IReadOnlyDictionary<string, ThumbnailDto> For(int width, int height, bool ready)
    {
        var presets = new Dictionary<string, ThumbnailDto>(Sizes.Count);
        foreach (var size in Sizes)
        {
            presets[size.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Scaled(width, height, size) with { Ready = ready };
        }

        return presets;
    }

    public static ThumbnailDto Scaled(int width, int height, int size)
    {
        var longSide = Math.Max(width, height);
        if (longSide <= size)
        {
            return new ThumbnailDto(width, height);
        }

        var scale = (double)size / longSide;
        return width >= height
            ? new ThumbnailDto(size, Math.Max(1, (int)Math.Round(height * scale)))
            : new ThumbnailDto(Math.Max(1, (int)Math.Round(width * scale)), size);
    }
}
