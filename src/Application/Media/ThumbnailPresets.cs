namespace PersonaMedia.Application.Media;

/// <summary>A thumbnail's size in pixels, as listed on the media file, and whether it is stored yet.</summary>
public sealed record ThumbnailDto(int Width, int Height, bool Ready = false);

/// <summary>
/// The thumbnail presets (160 and 640 px on the long side, WebP, never enlarged) and where each is
/// stored: beside its original, <c>{uuid}.thumb-{size}.webp</c>, so it shares the original's stem
/// (the store reconciler counts it as the file's) and its persona's folder (deleted with it).
/// </summary>
public static class ThumbnailPresets
{
    public const string ContentType = "image/webp";

    public static IReadOnlyList<int> Sizes { get; } = [160, 640];

    public static string StoredName(string originalStoredName, int size)
    {
        var dot = originalStoredName.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? originalStoredName : originalStoredName[..dot];
        return $"{stem}.thumb-{size}.webp";
    }

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
