using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// The one place that owns the byte-level checks of an upload: the size limit, counted while the
/// bytes stream through (chunked bodies, lying Content-Length), the empty file, and the signature
/// of the first bytes against the format the file name and declared type promise. The content is
/// wrapped, not read: whichever step reads it next reads it through these checks.
/// </summary>
public sealed class CheckContentStep : IUploadStep
{
    public UploadStage Stage => UploadStage.CheckBytes;

    public ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        upload.Content = new CheckedContentStream(upload.Content, upload);
        return ValueTask.CompletedTask;
    }

    /// <summary>Checks the bytes as they are read; the end of the stream is where the last checks run.</summary>
    private sealed class CheckedContentStream(Stream inner, UploadContext upload) : Stream
    {
        private readonly byte[] _head = new byte[ContentSignature.HeaderLength];
        private int _headLength;
        private long _length;
        private DetectedContent? _detected;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                Finish();
                return 0;
            }

            _length += read;
            if (_length > MediaRules.MaxFileSizeBytes)
            {
                throw PayloadTooLargeException.File();
            }

            if (_detected is null && _headLength < _head.Length)
            {
                var take = Math.Min(read, _head.Length - _headLength);
                buffer.Span[..take].CopyTo(_head.AsSpan(_headLength));
                _headLength += take;
                if (_headLength == _head.Length)
                {
                    _detected = Check(_head);
                }
            }

            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // The upload path reads asynchronously only; Kestrel forbids synchronous body reads anyway.
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void Finish()
        {
            if (upload.DetectedFormat is not null)
            {
                return;
            }

            if (_length == 0)
            {
                throw new ValidationException(UploadMediaCommand.FileField, "The file is empty.", UploadRefusals.Empty);
            }

            // Files shorter than a full header are judged on what there is.
            var detected = _detected ?? Check(_head.AsSpan(0, _headLength));
            if (_length < detected.MinimumLength)
            {
                throw Mismatch($"its {detected.Format.Name} header declares more bytes than the file holds");
            }

            upload.DetectedFormat = detected.Format;
        }

        private DetectedContent Check(ReadOnlySpan<byte> head)
        {
            var detected = ContentSignature.Detect(head) ?? throw Mismatch("it is not a JPEG, PNG or MP4 file");
            if (detected.Format != upload.ExpectedFormat)
            {
                throw Mismatch($"it is {detected.Format.Name} data");
            }

            if (upload.DeclaredFormat is { } promised && promised != detected.Format)
            {
                throw new ValidationException(
                    UploadMediaCommand.FileField,
                    $"File content does not match the declared content type {upload.DeclaredContentType}: it is {detected.Format.Name} data.",
                    UploadRefusals.Signature);
            }

            return detected;
        }

        private ValidationException Mismatch(string reason) => new(
            UploadMediaCommand.FileField,
            $"File content does not match the file's extension, which promises {upload.ExpectedFormat.Name}: {reason}.",
            UploadRefusals.Signature);
    }
}
