using Microsoft.AspNetCore.Identity;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher (V3 format) behind the application's port.</summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher = new();

    // Verified against when the user is unknown, so a login costs the same whether or not the email exists.
    private readonly Lazy<string> _dummyHash;

    public IdentityPasswordHasher()
    {
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(null!, Guid.NewGuid().ToString()));
    }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string? passwordHash, string password)
    {
        var result = _hasher.VerifyHashedPassword(null!, passwordHash ?? _dummyHash.Value, password);
        return passwordHash is not null && result != PasswordVerificationResult.Failed;
    }
}
