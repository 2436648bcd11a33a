namespace PersonaMedia.Infrastructure.Identity;

/// <summary>The <c>Jwt</c> configuration section.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "personamedia";
    public string Audience { get; set; } = "personamedia";

    /// <summary>UTF-8 text of at least 32 bytes. Generated and kept under <c>data/</c> in Development when absent.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 60;
}
