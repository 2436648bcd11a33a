using BenchmarkDotNet.Attributes;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Benchmarks;

/// <summary>
/// The upload's hot loop on its own: <see cref="MediaContentCopier"/> moving a file from the
/// request stream to the store, counting, hashing (SHA-256) and checking the signature, with the
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
    public async Task<CopiedContent> Copy()
    {
        // A view over the same array: no copy of the file, about a hundred bytes per call.
        await using var source = new MemoryStream(_file, writable: false);
        await using var target = new DiscardingUpload();
        return await MediaContentCopier.CopyAsync(
            source, target, MediaFormat.Jpeg, MediaRules.Declared(MediaType.Image, "image/jpeg"), CancellationToken.None);
    }

    /// <summary>A store upload that keeps nothing, so only the loop itself is measured.</summary>
    private sealed class DiscardingUpload : IFileUpload
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public Task CommitAsync(string contentType, string sha256Hex, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
