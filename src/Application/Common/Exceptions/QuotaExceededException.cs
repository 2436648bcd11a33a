namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>
/// The upload would take the user's stored bytes past their quota; answered 507 with a problem type
/// of its own, so a client can tell "your space is used up" from "the service's disk is full".
/// </summary>
public sealed class QuotaExceededException(long quotaBytes, long usedBytes, long requestedBytes)
    : Exception($"Storage quota exceeded: {usedBytes} of {quotaBytes} bytes are used, and this file needs {requestedBytes}. "
        + "Delete files to make room.")
{
    public long QuotaBytes { get; } = quotaBytes;

    public long UsedBytes { get; } = usedBytes;
}
