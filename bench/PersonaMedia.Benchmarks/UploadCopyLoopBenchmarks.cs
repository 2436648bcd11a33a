using BenchmarkDotNet.Attributes;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Benchmarks;

/// <summary>
/// The upload's hot loop on its own: <see cref="CheckContentStep"/> and <see cref="StoreContentStep"/>
/// moving a file from the request stream to the store, counting, checking the signature and hashing
/// (SHA-256), with the
/// I/O at both ends taken away (a memory stream in, a store that discards out). What it costs per
/// MiB is the ceiling it puts on upload throughput; what it allocates must not grow with the file.
/// </summary>
[MemoryDiagnoser]
public class UploadCopyLoopBenchmarks
{
    private byte[] _file = [];

    [Params(1, 10)]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void CreateFile()
    {
        _file = new byte[SizeMiB * 1024 * 1024];
        new Random(42).NextBytes(_file);
        _file[0] = 0xFF;
        _file[1] = 0xD8;
        _file[2] = 0xFF;
    }

    [Benchmark]
    public async Task<string?> Copy()
    {
        // A view over the same array: no copy of the file, about a hundred bytes per call.
        await using var source = new MemoryStream(_file, writable: false);
        var command = new UploadMediaCommand(
            1, MediaType.Image, "a.jpg", "image/jpeg", null, source, _ => ValueTask.FromResult<string?>(null));
        await using var upload = new UploadContext(1, command);
        await Check.RunAsync(upload, CancellationToken.None);
        await Store.RunAsync(upload, CancellationToken.None);
        return upload.Sha256;
    }

    private static readonly CheckContentStep Check = new();
    private static readonly StoreContentStep Store = new(new DiscardingStore());

    /// <summary>A store that keeps nothing, so only the loop itself is measured.</summary>
    private sealed class DiscardingStore : IFileStore
    {
        public Task<IFileUpload> BeginUploadAsync(string key, CancellationToken cancellationToken) =>
            Task.FromResult<IFileUpload>(new DiscardingUpload());

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken) => Task.FromResult(0);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) =>
            AsyncEnumerable.Empty<StoredObject>();

        public Task<int> RemoveLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private sealed class DiscardingUpload : IFileUpload
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
