using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>
/// The accounts' security stamps, kept for <c>Jwt:SecurityStampCacheSeconds</c> so that the check every
/// signed-in request makes is not a database round trip each time. A stamp this process changes (a
/// password change) or an account it deletes is forgotten as soon as the change is committed
/// (<see cref="Persistence.AppDbContext"/> calls <see cref="Forget"/>), so here the old tokens stop at
/// once; another replica keeps believing its copy until it expires, which is the window the README gives.
/// </summary>
public sealed class SecurityStampCache : IDisposable
{
    /// <summary>Entries kept at most: a stamp is 32 characters, so this bounds the cache to a few MiB.</summary>
    private const int MaxEntries = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly TimeSpan _lifetime;

    public SecurityStampCache(IOptions<JwtOptions> options) => _lifetime = TimeSpan.FromSeconds(options.Value.SecurityStampCacheSeconds);

    /// <summary>The account's current stamp (null when the account does not exist), from the cache or else from <paramref name="load"/>.</summary>
    public async Task<string?> GetAsync(int userId, Func<CancellationToken, Task<string?>> load, CancellationToken cancellationToken)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return await load(cancellationToken);
        }

        if (_cache.TryGetValue(userId, out string? cached))
        {
            return cached;
        }

        var stamp = await load(cancellationToken);
        // An unknown account is not kept: the next request of a (forged or restored) token asks again.
        if (stamp is not null)
        {
            _cache.Set(userId, stamp, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = 1 });
        }

        return stamp;
    }

    /// <summary>Drops what is kept for these accounts.</summary>
    public void Forget(IEnumerable<int> userIds)
    {
        foreach (var id in userIds)
        {
            _cache.Remove(id);
        }
    }

    /// <summary>The accounts whose stamp a save is about to change, or that it deletes.</summary>
    public static IReadOnlyList<int> ChangedIn(ChangeTracker changes) =>
        changes.Entries<User>()
            .Where(e => e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && e.Property(u => u.SecurityStamp).IsModified))
            .Select(e => e.Entity.Id)
            .ToList();

    public void Dispose() => _cache.Dispose();
}
