using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>The step of a store call where a fault is injected.</summary>
public enum StoreStep
{
    Begin,
    Write,
    Commit,
    Open,
    Delete,
}

/// <summary>
/// The app's real store with faults injected at chosen steps: <see cref="Fault"/> is asked before
/// each call and throws what it returns. Everything else reaches the real store.
/// </summary>
public sealed class FaultyFileStore(IFileStore inner, Func<StoreStep, Exception?> fault) : IFileStore
{
    public async Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken)
    {
        Throw(StoreStep.Begin);
        return new FaultyUpload(await inner.BeginUploadAsync(key, cancellationToken), this);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        Throw(StoreStep.Open);
        return inner.OpenReadAsync(key, cancellationToken);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Throw(StoreStep.Delete);
        return inner.DeleteAsync(key, cancellationToken);
    }

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        Throw(StoreStep.Delete);
        return inner.DeletePrefixAsync(prefix, cancellationToken);
    }

    public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) =>
        inner.ListAsync(prefix, cancellationToken);

    public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        inner.RemoveLeftoversAsync(cutoff, cancellationToken);

    private void Throw(StoreStep step)
    {
        if (fault(step) is { } exception)
        {
            throw exception;
        }
    }

    private sealed class FaultyUpload(IFileUpload inner, FaultyFileStore store) : IFileUpload
    {
        private bool _wrote;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            // After the first chunk, so some bytes are already on their way to the store.
            if (_wrote)
            {
                store.Throw(StoreStep.Write);
            }

            _wrote = true;
            return inner.WriteAsync(chunk, cancellationToken);
        }

        public Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken)
        {
            store.Throw(StoreStep.Commit);
            return inner.CommitAsync(contentType, sha256Hex, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
