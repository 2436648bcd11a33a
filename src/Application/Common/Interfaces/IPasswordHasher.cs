namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Hashes and verifies passwords; no hand-written crypto behind it. Hashing is slow on purpose, so
/// the implementation bounds how many hash at once: a caller may wait for its turn, and is refused
/// with <see cref="Exceptions.ServiceUnavailableException"/> when too many are already waiting.
/// </summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// True when the password matches the hash. With a null hash (unknown user) it verifies
    /// against a fixed dummy hash and returns false, so both failures cost the same time.
    /// </summary>
    ValueTask<bool> VerifyAsync(string? passwordHash, string password, CancellationToken cancellationToken);
}
