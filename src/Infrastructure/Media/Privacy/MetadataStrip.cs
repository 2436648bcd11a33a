using System.Buffers;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Media.Privacy;

/// <summary>
/// The frame of every format's strip: the format's state machine takes bytes one structural step
/// at a time; once it meets a structure it cannot follow, the rest passes through as it is.
/// </summary>
internal abstract class MetadataStrip : IMetadataStrip
{
    private readonly List<string> _removed = [];
    private bool _passThrough;

    public IReadOnlyList<string> Removed => _removed;

    public void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty)
        {
            if (_passThrough)
            {
                output.Write(input);
                return;
            }

            Next(ref input, output);
        }
    }

    public void Complete(IBufferWriter<byte> output) => End(output);

    public void Dispose() => Release();

    /// <summary>Gives back what the strip holds (a pooled buffer).</summary>
    protected virtual void Release()
    {
    }

    /// <summary>Writes a two-byte marker, <c>FF code</c>.</summary>
    protected static void WriteMarker(IBufferWriter<byte> output, byte code)
    {
        var span = output.GetSpan(2);
        span[0] = 0xFF;
        span[1] = code;
        output.Advance(2);
    }

    /// <summary>Consumes at least one byte of <paramref name="input"/> (or switches to passing through).</summary>
    protected abstract void Next(ref ReadOnlySpan<byte> input, IBufferWriter<byte> output);

    /// <summary>The file ended: writes what is held back (a header cut short is the file's own bytes).</summary>
    protected abstract void End(IBufferWriter<byte> output);

    /// <summary>From here on every byte passes as it is; the caller has written what it held.</summary>
    protected void PassThrough() => _passThrough = true;

    protected void Remove(string name)
    {
        if (!_removed.Contains(name))
        {
            _removed.Add(name);
        }
    }
}
