using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Reads the file's headers as its bytes stream to the store (no second read, no whole-file
/// buffer unless <see cref="MediaProcessingOptions.RequireDecodable"/> asks for a full decode) and
/// judges them at the end: an image declaring more than <see cref="MediaProcessingOptions.MaxPixels"/>
/// is refused; a file that cannot be read is refused only when decodable files are required, and
/// otherwise recorded with its facts unknown.
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
        upload.Content = new InspectedContentStream(upload.Content, inspection, result => upload.Metadata = Judge(result, format));
        return ValueTask.CompletedTask;
    }

    private MediaMetadata Judge(MediaInspectionResult result, MediaFormat format)
    {
        if (result.DeclaredPixels > options.MaxPixels)
        {
            throw new ValidationException(
                UploadMediaCommand.FileField,
                $"The image's header declares {result.DeclaredPixels:N0} pixels; at most {options.MaxPixels:N0} are accepted.");
        }

        if (result.Undecodable is { } reason)
        {
            return options.RequireDecodable
                ? throw new ValidationException(UploadMediaCommand.FileField, $"The file could not be decoded as {format.Name}: {reason}.")
                : MediaMetadata.Unknown;
        }

        return result.Metadata;
    }

    /// <summary>Hands every chunk read to the inspection; at the end of the stream, the judgement runs.</summary>
    private sealed class InspectedContentStream(Stream inner, IMediaInspection inspection, Action<MediaInspectionResult> finished) : Stream
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
