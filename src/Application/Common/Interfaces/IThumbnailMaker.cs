namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Makes a thumbnail of a stored image: libvips, shrink-on-load, orientation applied, WebP or JPEG.</summary>
public interface IThumbnailMaker
{
    /// <summary>
    /// The WebP (or JPEG) bytes of <paramref name="original"/> brought to exactly <paramref name="width"/> x
    /// <paramref name="height"/>, or null when the image does not decode or takes longer than the
    /// time a job is given. Bounded: at most a configured number are made at once; the rest wait.
    /// </summary>
    Task<byte[]?> MakeAsync(Stream original, int width, int height, Media.ThumbnailFormat format, CancellationToken cancellationToken);
}
