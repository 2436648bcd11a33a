using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Domain.Media;
using PersonaMedia.Infrastructure.Media.Privacy;
using PersonaMedia.WebApi.Infrastructure;

namespace PersonaMedia.Fuzz;

/// <summary>
/// What is fuzzed: the code that reads bytes a client chose. Each target takes one input and throws
/// only when the code under test misbehaves: an exception the service would turn into a 500, or a
/// result that breaks the rule the code promises. The refusals the service answers with 4xx
/// (<see cref="ValidationException"/>, <see cref="PayloadTooLargeException"/>) are expected.
/// </summary>
public static class FuzzTargets
{
    /// <summary>Targets by name: the folders of <c>fuzz/corpus</c>, and the argument of the fuzzing entry point.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["signature"] = Signature,
        ["filename"] = FileName,
        ["multipart"] = Multipart,
        ["strip-jpeg"] = input => Strip(MediaFormat.Jpeg, input),
        ["strip-png"] = input => Strip(MediaFormat.Png, input),
        ["strip-mp4"] = input => Strip(MediaFormat.Mp4, input),
    };

    /// <summary>The signature detector: any head of bytes, never an exception; a detection never claims more bytes than a file can have.</summary>
    public static void Signature(byte[] input)
    {
        if (ContentSignature.Detect(input) is { } detected && detected.MinimumLength < 1)
        {
            throw new InvalidOperationException($"Detected {detected.Format.Extension} with a minimum length of {detected.MinimumLength}.");
        }
    }

    /// <summary>The filename sanitiser: for any name, a non-empty base name of at most 255 characters without separators or control characters.</summary>
    public static void FileName(byte[] input)
    {
        var name = Encoding.UTF8.GetString(input);
        foreach (var format in MediaFormat.All)
        {
            var clean = OriginalFileName.Sanitize(name, format);
            if (clean.Length is 0 or > 255 || clean is "." or ".."
                || clean.AsSpan().IndexOfAny('/', '\\') >= 0 || clean.Any(char.IsControl))
            {
                throw new InvalidOperationException($"Sanitize gave {Encoding.UTF8.GetByteCount(clean)} bytes that break its rules: {Convert.ToHexString(Encoding.UTF8.GetBytes(clean))}");
            }
        }
    }

    /// <summary>The multipart adapter over a whole body: its refusals are expected, any other exception is a 500 in waiting.</summary>
    public static void Multipart(byte[] input)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = "multipart/form-data; boundary=fuzz";
        http.Request.ContentLength = input.Length;
        http.Request.Body = new MemoryStream(input, writable: false);
        try
        {
            var upload = MultipartUpload.ReadToFileAsync(http.Request, CancellationToken.None).GetAwaiter().GetResult();
            upload.Content.CopyToAsync(Stream.Null).GetAwaiter().GetResult();
            upload.CompleteAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is ValidationException or PayloadTooLargeException)
        {
            // Refused with 400 or 413, as it should be.
        }
    }

    /// <summary>
    /// A metadata strip over any bytes, fed in pieces (the first byte sets their size, as the network
    /// would cut them): never an exception, whatever the structure.
    /// </summary>
    public static void Strip(MediaFormat format, byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var piece = input[0] + 1;
        var output = new ArrayBufferWriter<byte>();
        using var strip = new MetadataStripper().Begin(format);
        for (var offset = 1; offset < input.Length; offset += piece)
        {
            strip.Write(input.AsSpan(offset, Math.Min(piece, input.Length - offset)), output);
        }

        strip.Complete(output);
    }
}
