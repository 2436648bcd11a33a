namespace PersonaMedia.Domain.Media;

/// <summary>
/// Where a file's thumbnails stand. They are made after the upload has answered, by a background
/// worker that finds every <see cref="Pending"/> file again after a restart, so none is lost.
/// </summary>
public enum ThumbnailState
{
    /// <summary>The file has none: a video, or an image whose size could not be read.</summary>
    None = 0,

    /// <summary>To be made (each preset can also be made on demand meanwhile).</summary>
    Pending = 1,

    /// <summary>Every preset is in the store.</summary>
    Ready = 2,

    /// <summary>The image's pixels did not decode, or took longer than a job is given: it has none.</summary>
    Failed = 3,
}
