using System.Net;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>Content whose length is not known up front, so it goes out chunked.</summary>
public sealed class UnsizedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
