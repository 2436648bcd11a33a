using System.Buffers;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Privacy by default: takes the file's metadata (where, when and with what it was made) out of
/// the bytes as they stream to the store, so what is stored, hashed, counted and served is the
/// stripped file. Runs after the content check (which sees the bytes as sent) and before the
/// inspection (which reads the kept headers). Off with <see cref="MediaProcessingOptions.KeepMetadata"/>.
/// </summary>
public sealed class StripMetadataStep(IMetadataStripper stripper, MediaProcessingOptions options) : IUploadStep
{
    public UploadStage Stage => UploadStage.Process;

    public ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        if (options.KeepMetadata)
        {
            upload.MetadataRemoved = [];
            return ValueTask.CompletedTask;
        }

        var strip = stripper.Begin(upload.ExpectedFormat);
        upload.DisposeWith(strip);
        upload.Content = new StrippedContentStream(upload.Content, strip, () => upload.MetadataRemoved = [.. strip.Removed]);
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads the file through the strip: what the strip writes is what the next step reads.</summary>
    private sealed class StrippedContentStream(Stream inner, IMetadataStrip strip, Action finished) : Stream
    {
        private readonly ArrayBufferWriter<byte> _kept = new(StoreContentStep.ChunkSize);
        private int _offset;
        private bool _ended;

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
            while (true)
            {
                if (_offset < _kept.WrittenCount)
                {
                    var count = Math.Min(buffer.Length, _kept.WrittenCount - _offset);
                    _kept.WrittenSpan.Slice(_offset, count).CopyTo(buffer.Span);
                    _offset += count;
                    if (_offset == _kept.WrittenCount)
                    {
                        _kept.ResetWrittenCount();
                        _offset = 0;
                    }

                    return count;
                }

                if (_ended || buffer.IsEmpty)
                {
                    return 0;
                }

                // The caller's buffer takes the raw bytes; the strip has written what it keeps
                // before they are copied back over them.
                var read = await inner.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    strip.Complete(_kept);
                    _ended = true;
                    finished();
                    continue;
                }

                strip.Write(buffer.Span[..read], _kept);
            }
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
