using Microsoft.Extensions.Logging;
using NetVips;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>libvips as the service uses it: set up once, before its first use.</summary>
internal static partial class LibVips
{
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <remarks>The log handler is kept for the process's life, so its delegate is never collected while libvips holds it.</remarks>
    private static Log.LogDelegate? _handler;

    public static void EnsureReady(ILogger logger)
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        lock (Gate)
        {
            if (_ready)
            {
                return;
            }

            // Only the loaders libvips trusts with hostile input (its own JPEG, PNG, WebP...), never
            // ImageMagick's or the like, whatever a file turns out to be.
            NetVips.NetVips.BlockUntrusted = true;

            // Uploaded files are read once: caching their decoded operations would only hold memory.
            Cache.Max = 0;

            // libvips warns on stderr about every damaged upload ("premature end of JPEG image"):
            // that is the client's file, not the service's fault, so it goes to the log at Debug.
            _handler = (domain, level, message) => LogVips(logger, domain, level, message);
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug, _handler);
            Volatile.Write(ref _ready, true);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "libvips ({Domain}, {Level}): {Message}")]
    private static partial void LogVips(ILogger logger, string domain, Enums.LogLevelFlags level, string message);
}
