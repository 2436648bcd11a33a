namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The request is well formed but cannot be carried out as it stands (422).</summary>
public sealed class UnprocessableRequestException(string message) : Exception(message)
{
    public static UnprocessableRequestException IdempotencyKeyReused() =>
        new("This Idempotency-Key was already used for a different upload (another persona, file, name, type or description); "
            + "send a new key for a new upload, or the same request to get the first answer again.");
}
