using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The uploaded content exceeds the size limit; answered 413.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message)
{
    public static PayloadTooLargeException File() => new(
        $"File too large. The limit is {MediaRules.MaxFileSizeMegabytes} MiB ({MediaRules.MaxFileSizeBytes} bytes).");
}
