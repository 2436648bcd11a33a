using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Media.Commands.UploadMedia;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// The file part's bytes as the application reads them. <see cref="Microsoft.AspNetCore.WebUtilities.MultipartReader"/>
/// reports a body that breaks off or loses its boundary as a bare <see cref="IOException"/>; this
/// turns that into the client error it is, while Kestrel's own 413 and real I/O faults pass unchanged.
/// </summary>
internal sealed class MalformedBodyGuardStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>MultipartReader's own complaints: a plain IOException (body ended early) or InvalidDataException (limits, bad headers).</summary>
    public static bool IsMalformedBody(Exception exception) =>
        exception is InvalidDataException || exception.GetType() == typeof(IOException);

    public static ValidationException Malformed() =>
        new(UploadMediaCommand.FileField, "The multipart body is malformed or ended before its closing boundary.", UploadRefusals.Malformed);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (IsMalformedBody(ex))
        {
            throw Malformed();
        }
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
}
