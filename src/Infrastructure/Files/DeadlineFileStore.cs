using System.Runtime.CompilerServices;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Gives every call into the store a deadline (<see cref="StorageOptions.OperationTimeoutSeconds"/>):
/// each begin, write, commit, open, read, delete and listing page. A call that runs past it is
/// cancelled and the request fails with <see cref="ServiceUnavailableException"/> (503 with
/// Retry-After), and an upload cut short this way leaves nothing, as any failed upload. The
/// caller's own cancellation (the client went away) passes through unchanged. Put in front of the
/// Azure store: a local disk call is a system call that no deadline could interrupt.
/// </summary>
internal sealed class DeadlineFileStore(IFileStore inner, TimeSpan deadline) : IFileStore
{
    public IFileStore Inner => inner;

    public async Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken) =>
        new DeadlineUpload(await RunAsync(ct => inner.BeginUploadAsync(key, ct), cancellationToken), this);

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        await RunAsync(ct => inner.OpenReadAsync(key, ct), cancellationToken) is { } stream ? new DeadlineStream(stream, this) : null;

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(ct => inner.DeleteAsync(key, ct), cancellationToken);

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken) =>
        // A persona's whole folder: many calls, so a deadline for each of them would be the inner
        // store's; the whole gets ten.
        RunAsync(ct => inner.DeletePrefixAsync(prefix, ct), cancellationToken, multiple: 10);

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = inner.ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await RunAsync(async _ => await items.MoveNextAsync(), cancellationToken))
        {
            yield return items.Current;
        }
    }

    public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        inner.RemoveLeftoversAsync(cutoff, cancellationToken);

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, int multiple = 1)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline * multiple);
        try
        {
            // WaitAsync as well: a call that ignores its token is still not waited for past the deadline.
            return await call(timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(ex);
        }
    }

    private async ValueTask RunAsync(Func<CancellationToken, ValueTask> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            await call(timeout.Token).AsTask().WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(ex);
        }
    }

    private ServiceUnavailableException TimedOut(Exception cause) => new(
        $"The file store did not answer within {deadline.TotalSeconds:0} s (Storage:OperationTimeoutSeconds): nothing was changed. Try again shortly.",
        cause);

    private sealed class DeadlineUpload(IFileUpload inner, DeadlineFileStore store) : IFileUpload
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
            store.RunAsync(ct => inner.WriteAsync(chunk, ct), cancellationToken);

        public Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken) =>
            store.RunAsync(async ct =>
            {
                await inner.CommitAsync(contentType, sha256Hex, ct);
                return true;
            }, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>The store's stream, each read under the deadline; seeking (for ranges) passes through.</summary>
    private sealed class DeadlineStream(Stream inner, DeadlineFileStore store) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            await store.RunAsync(ct => inner.ReadAsync(buffer, ct).AsTask(), cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
