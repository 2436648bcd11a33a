using NetVips;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>libvips as the service uses it: set up once, before its first use.</summary>
internal static class LibVips
{
    private static readonly Lazy<bool> Ready = new(() =>
    {
        // Only the loaders libvips trusts with hostile input (its own JPEG, PNG, WebP...), never
        // ImageMagick's or the like, whatever a file turns out to be.
        NetVips.NetVips.BlockUntrusted = true;

        // Uploaded files are read once: caching their decoded operations would only hold memory.
        Cache.Max = 0;
        return true;
    });

    public static void EnsureReady() => _ = Ready.Value;
}
