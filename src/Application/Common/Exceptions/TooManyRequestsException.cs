namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>A limit was reached: answered 429 with <c>Retry-After</c>; the request did nothing.</summary>
public sealed class TooManyRequestsException(string message, int retryAfterSeconds) : Exception(message)
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
