using System.Buffers;

namespace PersonaMedia.Infrastructure.Media;

/// <summary>
/// Bytes kept from a stream, in one pooled array that grows by doubling up to a fixed bound;
/// what comes past the bound is counted, not kept.
/// </summary>
internal sealed class BoundedBuffer(int capacity) : IDisposable
{
    private byte[] _array = [];

    public int Length { get; private set; }

    /// <summary>Bytes were offered beyond the bound and dropped.</summary>
    public bool Overflowed { get; private set; }

    public int Capacity => capacity;

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    /// <summary>The kept bytes, to be changed in place.</summary>
    public Span<byte> Writable => _array.AsSpan(0, Length);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var take = Math.Min(bytes.Length, capacity - Length);
        if (take < bytes.Length)
        {
            Overflowed = true;
        }

        if (take <= 0)
        {
            return;
        }

        if (Length + take > _array.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(capacity, Math.Max(Length + take, Math.Max(4096L, 2L * _array.Length))));
            Span.CopyTo(grown);
            Return();
            _array = grown;
        }

        bytes[..take].CopyTo(_array.AsSpan(Length));
        Length += take;
    }

    public void Dispose()
    {
        Return();
        _array = [];
        Length = 0;
    }

    private void Return()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
