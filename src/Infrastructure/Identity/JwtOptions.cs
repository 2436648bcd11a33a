using System.Text;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>
/// The <c>Jwt</c> configuration section: bound once (Infrastructure registers it), read by the
/// token service and by the WebApi's bearer validation alike.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>A day and a week: anything longer is a refresh token's job, not an access token's.</summary>
    public const int MaxAccessTokenMinutes = 7 * 24 * 60;

    public string Issuer { get; set; } = "personamedia";
    public string Audience { get; set; } = "personamedia";

    /// <summary>UTF-8 text of at least 32 bytes. Generated and kept under <c>data/</c> in Development when absent.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Several keys, for rotation: the first signs, every one validates (and <see cref="SigningKey"/>,
    /// when also set, validates after them). Each at least 32 bytes and not weak.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    public int AccessTokenMinutes { get; set; } = DefaultAccessTokenMinutes;

    /// <summary>How long a refresh token lives unused; each refresh issues a new one.</summary>
    public int RefreshTokenDays { get; set; } = DefaultRefreshTokenDays;

    /// <summary>
    /// How long a replica believes an account's security stamp without asking the database: the time a
    /// password change made on another replica takes to end the old tokens here. 0 asks every time.
    /// </summary>
    public int SecurityStampCacheSeconds { get; set; } = DefaultSecurityStampCacheSeconds;

    public const int DefaultSecurityStampCacheSeconds = 10;
    public const int MaxSecurityStampCacheSeconds = 300;
    public const int DefaultAccessTokenMinutes = 15;
    public const int DefaultRefreshTokenDays = 30;
    public const int MaxRefreshTokenDays = 365;

    /// <summary>The configured keys in order, each with the setting it came from; <see cref="SigningKey"/> last unless it is already listed.</summary>
    public IReadOnlyList<(string Key, string Source)> ConfiguredKeys()
    {
        var keys = SigningKeys.Select((key, i) => (key ?? string.Empty, $"Jwt:SigningKeys:{i}")).ToList();
        if (!string.IsNullOrEmpty(SigningKey) && !SigningKeys.Contains(SigningKey))
        {
            keys.Add((SigningKey, "Jwt:SigningKey"));
        }

        return keys;
    }

    /// <summary>
    /// What keeps these settings from working, one sentence each. A further key setting (a list of
    /// keys) adds its own checks here; every key also passes <see cref="SecretStrength"/>.
    /// </summary>
    public IEnumerable<string> Problems(bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return "Jwt:Issuer is empty: every token would be refused; set Jwt__Issuer (default personamedia).";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return "Jwt:Audience is empty: every token would be refused; set Jwt__Audience (default personamedia).";
        }

        if (AccessTokenMinutes is < 1 or > MaxAccessTokenMinutes)
        {
            yield return $"Jwt:AccessTokenMinutes {AccessTokenMinutes} must lie between 1 and {MaxAccessTokenMinutes}; "
                + $"set Jwt__AccessTokenMinutes (default {DefaultAccessTokenMinutes}).";
        }

        if (RefreshTokenDays is < 1 or > MaxRefreshTokenDays)
        {
            yield return $"Jwt:RefreshTokenDays {RefreshTokenDays} must lie between 1 and {MaxRefreshTokenDays}; "
                + $"set Jwt__RefreshTokenDays (default {DefaultRefreshTokenDays}).";
        }

        if (SecurityStampCacheSeconds is < 0 or > MaxSecurityStampCacheSeconds)
        {
            yield return $"Jwt:SecurityStampCacheSeconds {SecurityStampCacheSeconds} must lie between 0 and {MaxSecurityStampCacheSeconds}; "
                + $"set Jwt__SecurityStampCacheSeconds (default {DefaultSecurityStampCacheSeconds}).";
        }

        var keys = ConfiguredKeys();
        foreach (var (key, source) in keys)
        {
            var variable = source.Replace(":", "__", StringComparison.Ordinal);
            if (Encoding.UTF8.GetByteCount(key) is var bytes && bytes < MinimumKeyBytes)
            {
                yield return $"The JWT signing key from {source} is {bytes} bytes; it must be at least {MinimumKeyBytes} bytes "
                    + "(for example openssl rand -base64 48).";
            }
            else if (SecretStrength.Weakness(key) is { } weakness)
            {
                yield return $"The JWT signing key from {source} {weakness}; set {variable} to a random key "
                    + "(for example openssl rand -base64 48).";
            }
        }

        if (keys.Count == 0 && !isDevelopment)
        {
            yield return "Jwt:SigningKey is not configured. Outside Development the service needs a signing key of at least "
                + $"{MinimumKeyBytes} bytes; set it, for example, with the environment variable Jwt__SigningKey.";
        }
    }
}
