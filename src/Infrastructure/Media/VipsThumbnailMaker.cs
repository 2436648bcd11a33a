using Microsoft.Extensions.Logging;
using NetVips;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>
/// Thumbnails with libvips' <c>thumbnail</c>: JPEGs shrink on load (decoded at 1/2, 1/4 or 1/8
/// scale), the EXIF orientation is applied, colour goes to sRGB, and the WebP (or JPEG) keeps no metadata.
/// At most <see cref="MediaProcessingOptions.ThumbnailConcurrency"/> are made at once; each is given
/// <see cref="MediaProcessingOptions.ThumbnailTimeoutSeconds"/>, after which libvips' evaluation is
/// killed (its kill flag, checked between tiles) and the job answers that there is none.
/// </summary>
internal sealed partial class VipsThumbnailMaker(MediaProcessingOptions options, ILogger<VipsThumbnailMaker> logger) : IThumbnailMaker, IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.ThumbnailConcurrency, options.ThumbnailConcurrency);

    public async Task<byte[]?> MakeAsync(Stream original, int width, int height, ThumbnailFormat format, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        await original.CopyToAsync(bytes, cancellationToken);
        var buffer = bytes.GetBuffer().AsMemory(0, (int)bytes.Length).ToArray();

        await _slots.WaitAsync(cancellationToken);
        var job = Task.Run(() =>
        {
            // The job owns its limit: libvips is stopped when it passes, even after the caller has stopped waiting.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.ThumbnailTimeoutSeconds));
            try
            {
                return Make(buffer, width, height, format, started, limit.Token);
            }
            finally
            {
                _slots.Release();
            }
        }, CancellationToken.None);

        return await job.WaitAsync(cancellationToken);
    }

    public void Dispose() => _slots.Dispose();

    private byte[]? Make(byte[] original, int width, int height, ThumbnailFormat format, long started, CancellationToken limit)
    {
        try
        {
            LibVips.EnsureReady(logger);
            using var thumbnail = Image.ThumbnailBuffer(original, width, height: height, size: Enums.Size.Force, failOn: Enums.FailOn.Error);

            // The pixels are decoded while the image is written; a cancelled token kills that evaluation
            // (libvips checks its kill flag as it goes), which frees the slot early.
            thumbnail.SetProgress(NoProgress.Instance, limit);
            var encoded = Encode(thumbnail, format);

            // The limit is the rule, the kill only its quick way out: a job past it yields nothing, even
            // one libvips finished (the limit passed while the image was opened, or the timer that cancels
            // the token had no thread to run on: the clock is read here, not only the token).
            if (limit.IsCancellationRequested || System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds > options.ThumbnailTimeoutSeconds)
            {
                LogTimedOut(logger, width, height, options.ThumbnailTimeoutSeconds);
                return null;
            }

            return encoded;
        }
        catch (VipsException ex)
        {
            if (limit.IsCancellationRequested)
            {
                LogTimedOut(logger, width, height, options.ThumbnailTimeoutSeconds);
            }
            else
            {
                LogUndecodable(logger, ex.Message);
            }

            return null;
        }
    }

    private static byte[] Encode(Image thumbnail, ThumbnailFormat format)
    {
        if (format == ThumbnailFormat.Webp)
        {
            return thumbnail.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None);
        }

        // JPEG has no alpha: transparency shows as white, as on a page.
        using var opaque = thumbnail.HasAlpha() ? thumbnail.Flatten(background: [255, 255, 255]) : thumbnail.Copy();
        return opaque.JpegsaveBuffer(q: 85, optimizeCoding: true, keep: Enums.ForeignKeep.None);
    }

    private sealed class NoProgress : IProgress<int>
    {
        public static readonly NoProgress Instance = new();

        public void Report(int value)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "libvips could not make a thumbnail: {Reason}")]
    private static partial void LogUndecodable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Width}x{Height} thumbnail took longer than {Seconds} s and was stopped")]
    private static partial void LogTimedOut(ILogger logger, int width, int height, double seconds);
}
