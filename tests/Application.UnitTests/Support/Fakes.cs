using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.UnitTests.Support;

/// <summary>Users in memory, matched by normalized email and username like the real repository.</summary>
internal sealed class FakeUserRepository : IUserRepository
{
    public List<User> Users { get; } = [];

    public void Add(User user) => Users.Add(user);

    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult(Users.Find(u => u.NormalizedEmail == EmailAddress.Normalize(email)));

    public Task<UserDto?> FindDtoAsync(int id, CancellationToken cancellationToken) =>
        Task.FromResult(Users.Where(u => u.Id == id).Select(u => new UserDto(u.Id, u.Email, u.Username, u.FullName, u.CreatedAt)).FirstOrDefault());

    public Task<User?> FindAsync(int id, CancellationToken cancellationToken) => Task.FromResult(Users.Find(u => u.Id == id));

    public Task<string?> GetSecurityStampAsync(int id, CancellationToken cancellationToken) =>
        Task.FromResult(Users.Find(u => u.Id == id)?.SecurityStamp);

    public Task<bool> IsTakenAsync(string email, string username, string usernameSkeleton, CancellationToken cancellationToken) =>
        Task.FromResult(Users.Exists(u => u.NormalizedEmail == EmailAddress.Normalize(email)
            || u.NormalizedUsername == UsernameRules.Normalize(username)
            || u.UsernameSkeleton == usernameSkeleton));
}

/// <summary>A stand-in for TR39: lower case, with the one look-alike the tests use (Cyrillic а for Latin a).</summary>
internal sealed class FakeConfusableSkeleton : IConfusableSkeleton
{
    public string Compute(string username) => username.ToLowerInvariant().Replace('\u0430', 'a');
}

/// <summary>Records every verification, so tests can see that work was done even for an unknown user.</summary>
internal sealed class FakePasswordHasher : IPasswordHasher
{
    public List<(string? Hash, string Password)> Verifications { get; } = [];

    public static string Hash(string password) => "hashed:" + password;

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => ValueTask.FromResult(Hash(password));

    public ValueTask<bool> VerifyAsync(string? passwordHash, string password, CancellationToken cancellationToken)
    {
        Verifications.Add((passwordHash, password));
        return ValueTask.FromResult(passwordHash is not null && passwordHash == Hash(password));
    }
}

internal sealed class FakeTokenService : ITokenService
{
    public List<(int UserId, string Username)> Issued { get; } = [];

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(30);

    public AccessToken CreateAccessToken(int userId, string username, string securityStamp)
    {
        Issued.Add((userId, username));
        return new AccessToken($"token-for-{username}", 900);
    }

    public (string Token, string Hash) CreateRefreshToken()
    {
        var token = Guid.NewGuid().ToString("N");
        return (token, HashRefreshToken(token));
    }

    public string HashRefreshToken(string token) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

internal sealed class FakeRefreshTokenRepository : IRefreshTokenRepository
{
    public List<RefreshToken> Tokens { get; } = [];

    public void Add(RefreshToken token) => Tokens.Add(token);

    public Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(Tokens.Find(t => t.TokenHash == tokenHash));

    public Task<RotationOutcome> RotateAsync(RefreshToken used, RefreshToken successor, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(RotationOutcome.NotUsable);

    public Task RevokeFamilyAsync(int userId, Guid familyId, DateTime now, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RevokeAllOfUserAsync(int userId, DateTime now, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class FakeSignInThrottle : ISignInThrottle
{
    public List<string> Failures { get; } = [];

    public void EnsureAllowed(string account)
    {
    }

    public void RecordFailure(string account) => Failures.Add(account);
}

internal sealed class FakeUnitOfWork : IUnitOfWork
{
    public int Saves { get; private set; }

    /// <summary>When set, the next save fails as if the database's unique index had refused it.</summary>
    public bool FailWithUniqueConstraint { get; set; }

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        Saves++;
        return FailWithUniqueConstraint
            ? Task.FromException(new UniqueConstraintException(new InvalidOperationException("UNIQUE constraint failed")))
            : Task.CompletedTask;
    }
}

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
