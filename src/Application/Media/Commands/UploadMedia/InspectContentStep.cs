using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Reads the file's headers as its bytes stream to the store (no second read, no whole-file
/// buffer unless <see cref="MediaProcessingOptions.RequireDecodable"/> asks for a full decode): an
/// image declaring more than <see cref="MediaProcessingOptions.MaxPixels"/> is refused as soon as its
/// header has arrived; at the end, a file that cannot be read is refused only when decodable files
/// are required, and otherwise recorded with its facts unknown. Each refusal names its rule
/// (<see cref="UploadRefusals"/>) for the upload metrics.
/// </summary>
public sealed class InspectContentStep(IMediaInspector inspector, MediaProcessingOptions options) : IUploadStep
{
    public UploadStage Stage => UploadStage.Process;

    public ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        // The extension's format: the content check (read first, beneath this) refuses any other.
        var format = upload.ExpectedFormat;
        var inspection = inspector.Begin(format, new MediaInspectionLimits(options.MaxPixels, options.RequireDecodable));
        upload.DisposeWith(inspection);
        upload.Content = new InspectedContentStream(upload.Content, inspection, RefuseFlood, result => upload.Metadata = Judge(result, format));
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs after every chunk: a flood is refused as soon as its header has arrived, before the rest of the body is read.</summary>
    private void RefuseFlood(long? declaredPixels)
    {
        if (declaredPixels > options.MaxPixels)
        {
            throw new ValidationException(
                UploadMediaCommand.FileField,
                $"The image's header declares {declaredPixels:N0} pixels; at most {options.MaxPixels:N0} are accepted.",
                UploadRefusals.PixelFlood);
        }
    }

    private MediaMetadata Judge(MediaInspectionResult result, MediaFormat format)
    {
        // libvips' reading of the header has the last word (a structure the early reader could not follow).
        RefuseFlood(result.DeclaredPixels);
        if (result.Undecodable is { } reason)
        {
            return options.RequireDecodable
                ? throw new ValidationException(
                    UploadMediaCommand.FileField, $"The file could not be decoded as {format.Name}: {reason}.", UploadRefusals.Undecodable)
                : MediaMetadata.Unknown;
        }

        return result.Metadata;
    }

    /// <summary>Hands every chunk read to the inspection; at the end of the stream, the judgement runs.</summary>
    private sealed class InspectedContentStream(
        Stream inner, IMediaInspection inspection, Action<long?> declared, Action<MediaInspectionResult> finished) : Stream
    {
        private bool _finished;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                inspection.Append(buffer.Span[..read]);
                declared(inspection.DeclaredPixels);
            }
            else if (!_finished)
            {
                _finished = true;
                finished(inspection.Finish());
            }

            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // The upload path reads asynchronously only.
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
