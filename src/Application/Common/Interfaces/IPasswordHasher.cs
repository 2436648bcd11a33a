namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Hashes and verifies passwords; no hand-written crypto behind it.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>
    /// True when the password matches the hash. With a null hash (unknown user) it verifies
    /// against a fixed dummy hash and returns false, so both failures cost the same time.
    /// </summary>
    bool Verify(string? passwordHash, string password);
}
