namespace PersonaMedia.Infrastructure.Identity;

/// <summary>The <c>RateLimiting:PasswordHashing</c> section: how much of the machine password hashing may take.</summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "RateLimiting:PasswordHashing";

    /// <summary>
    /// Hashes computed at once; the default leaves one core of the machine to everything else
    /// (one on two cores), so a flood of sign-ins cannot starve the other requests.
    /// </summary>
    public int MaxConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Sign-ins and sign-ups waiting for a turn; beyond this they are answered 503 with Retry-After.</summary>
    public int QueueLimit { get; set; } = 64;

    public IEnumerable<string> Problems()
    {
        if (MaxConcurrent < 1)
        {
            yield return $"{SectionName}:MaxConcurrent {MaxConcurrent} must be at least 1; set RateLimiting__PasswordHashing__MaxConcurrent.";
        }

        if (QueueLimit < 0)
        {
            yield return $"{SectionName}:QueueLimit {QueueLimit} must not be negative; set RateLimiting__PasswordHashing__QueueLimit.";
        }
    }
}
