using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Telemetry;

/// <summary>
/// Times every call into the store (<c>personamedia.store.operation.duration</c>, by provider,
/// operation and outcome), outermost, so a deadline's 503 counts as the error it is. Writes of an
/// upload's chunks are not timed one by one: they go at the client's pace; the commit is.
/// </summary>
internal sealed class InstrumentedFileStore : IFileStore
{
    private readonly IFileStore _inner;
    private readonly Histogram<double> _duration;
    private readonly KeyValuePair<string, object?> _provider;

    public InstrumentedFileStore(IFileStore inner, string provider, IMeterFactory meters)
    {
        _inner = inner;
        _provider = new("provider", provider);
        _duration = meters.Create(PersonaMediaMeter.Name).CreateHistogram(
            "personamedia.store.operation.duration", "s",
            "Time of each call into the file store, by provider (local, azure_blob), operation and outcome (ok, error).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PersonaMediaMeter.StoreBuckets });
    }

    public IFileStore Inner => _inner;

    public async Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken) =>
        new InstrumentedUpload(await TimeAsync("begin_upload", () => _inner.BeginUploadAsync(key, cancellationToken)), this);

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        TimeAsync("open_read", () => _inner.OpenReadAsync(key, cancellationToken));

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        TimeAsync("delete", () => _inner.DeleteAsync(key, cancellationToken));

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken) =>
        TimeAsync("delete_prefix", () => _inner.DeletePrefixAsync(prefix, cancellationToken));

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = _inner.ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await TimeAsync("list_page", async () => await items.MoveNextAsync()))
        {
            yield return items.Current;
        }
    }

    public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        TimeAsync("remove_leftovers", () => _inner.RemoveLeftoversAsync(cutoff, cancellationToken));

    private async Task<T> TimeAsync<T>(string operation, Func<Task<T>> call)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await call();
            outcome = "ok";
            return result;
        }
        finally
        {
            _duration.Record(
                Stopwatch.GetElapsedTime(startedAt).TotalSeconds, _provider, new("operation", operation), new("outcome", outcome));
        }
    }

    private sealed class InstrumentedUpload(IFileUpload inner, InstrumentedFileStore store) : IFileUpload
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
            inner.WriteAsync(chunk, cancellationToken);

        public Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken) =>
            store.TimeAsync("commit", async () =>
            {
                await inner.CommitAsync(contentType, sha256Hex, cancellationToken);
                return true;
            });

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
