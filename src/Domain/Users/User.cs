using PersonaMedia.Domain.Common;

namespace PersonaMedia.Domain.Users;

/// <summary>A person who signs in and owns personas.</summary>
public sealed class User
{
    public const int EmailMaxLength = 254;
    public const int UsernameMaxLength = 50;
    public const int FullNameMaxLength = 100;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int PasswordHashMaxLength = 256;

    private User()
    {
        Email = Username = NormalizedEmail = NormalizedUsername = PasswordHash = string.Empty;
    }

    public int Id { get; private set; }
    public string Email { get; private set; }
    public string NormalizedEmail { get; private set; }
    public string Username { get; private set; }
    public string NormalizedUsername { get; private set; }
    public string? FullName { get; private set; }
    public string PasswordHash { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>A new account; the password arrives already hashed, so no user ever exists without one.</summary>
    public static User Register(string email, string username, string? fullName, string passwordHash, DateTime now)
    {
        var user = new User
        {
            PasswordHash = Guard.RequiredText(passwordHash, PasswordHashMaxLength, "Password hash"),
            Email = Guard.RequiredText(email, EmailMaxLength, "Email"),
            Username = Guard.RequiredText(username, UsernameMaxLength, "Username"),
            FullName = Guard.OptionalText(fullName, FullNameMaxLength, "Full name"),
            CreatedAt = Guard.Utc(now),
        };
        user.NormalizedEmail = Normalize(user.Email);
        user.NormalizedUsername = Normalize(user.Username);
        return user;
    }

    /// <summary>
    /// The form under which email and username are unique: case-insensitive, culture-invariant.
    /// The unique indexes are on these columns, so two racing registrations cannot both win.
    /// </summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();
}
