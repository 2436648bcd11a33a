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

    public int AccessTokenMinutes { get; set; } = 60;

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
            yield return $"Jwt:AccessTokenMinutes {AccessTokenMinutes} must lie between 1 and {MaxAccessTokenMinutes}; set Jwt__AccessTokenMinutes (default 60).";
        }

        if (!string.IsNullOrEmpty(SigningKey) && Encoding.UTF8.GetByteCount(SigningKey) is var bytes && bytes < MinimumKeyBytes)
        {
            yield return $"The JWT signing key from Jwt:SigningKey is {bytes} bytes; it must be at least {MinimumKeyBytes} bytes "
                + "(for example openssl rand -base64 48).";
        }
        else if (!string.IsNullOrEmpty(SigningKey) && SecretStrength.Weakness(SigningKey) is { } weakness)
        {
            yield return $"The JWT signing key from Jwt:SigningKey {weakness}; set Jwt__SigningKey to a random key "
                + "(for example openssl rand -base64 48).";
        }
        else if (string.IsNullOrEmpty(SigningKey) && !isDevelopment)
        {
            yield return "Jwt:SigningKey is not configured. Outside Development the service needs a signing key of at least "
                + $"{MinimumKeyBytes} bytes; set it, for example, with the environment variable Jwt__SigningKey.";
        }
    }
}
