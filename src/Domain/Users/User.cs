using PersonaMedia.Domain.Common;

namespace PersonaMedia.Domain.Users;

/// <summary>A person who signs in and owns personas.</summary>
public sealed class User
{
    public const int EmailMaxLength = EmailAddress.MaxLength;
    public const int UsernameMaxLength = UsernameRules.MaxLength;

    /// <summary>A skeleton may be longer than its name (one character can map to several); 50 NFKC characters stay well within.</summary>
    public const int UsernameSkeletonMaxLength = 256;
    public const int FullNameMaxLength = 100;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int PasswordHashMaxLength = 256;

    /// <summary>128 random bits, hex.</summary>
    public const int SecurityStampLength = 32;

    private User()
    {
        Email = Username = NormalizedEmail = NormalizedUsername = PasswordHash = SecurityStamp = string.Empty;
    }

    public int Id { get; private set; }
    public string Email { get; private set; }
    public string NormalizedEmail { get; private set; }
    public string Username { get; private set; }
    public string NormalizedUsername { get; private set; }

    /// <summary>
    /// The TR39 confusable skeleton of the username, unique in the database, so that a look-alike of an
    /// existing name cannot be registered. Null only for an account created before skeletons were kept,
    /// until the start-up backfill has computed it.
    /// </summary>
    public string? UsernameSkeleton { get; private set; }
    public string? FullName { get; private set; }
    public string PasswordHash { get; private set; }

    /// <summary>
    /// A random value of the account, carried by every access and refresh token issued for it and
    /// compared on each use: a new password gives a new stamp, which ends every earlier token, and a
    /// token can never pass for another account, even one that was given the same id after a database
    /// restore.
    /// </summary>
    public string SecurityStamp { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// A new account; the password arrives already hashed, so no user ever exists without one. Email and
    /// username are kept in their canonical forms (<see cref="EmailAddress"/>, <see cref="UsernameRules"/>);
    /// the skeleton is the application's to compute (it needs Unicode's confusables data).
    /// </summary>
    public static User Register(string email, string username, string usernameSkeleton, string? fullName, string passwordHash, DateTime now)
    {
        if (UsernameRules.Problem(username) is { } problem)
        {
            throw new DomainException("The username " + problem, "username");
        }

        var user = new User
        {
            PasswordHash = Guard.RequiredText(passwordHash, PasswordHashMaxLength, "Password hash"),
            Email = EmailAddress.Canonical(email),
            Username = UsernameRules.Canonical(username),
            UsernameSkeleton = Guard.RequiredText(usernameSkeleton, UsernameSkeletonMaxLength, "Username skeleton"),
            FullName = Guard.OptionalText(fullName, FullNameMaxLength, "Full name"),
            CreatedAt = Guard.Utc(now),
            SecurityStamp = NewSecurityStamp(),
        };
        user.NormalizedEmail = EmailAddress.Normalize(user.Email);
        user.NormalizedUsername = UsernameRules.Normalize(user.Username);
        return user;
    }

    /// <summary>Replaces the password (already hashed) and the security stamp, so every token issued before is refused.</summary>
    public void ChangePassword(string passwordHash)
    {
        PasswordHash = Guard.RequiredText(passwordHash, PasswordHashMaxLength, "Password hash");
        SecurityStamp = NewSecurityStamp();
    }

    private static string NewSecurityStamp() => System.Security.Cryptography.RandomNumberGenerator.GetHexString(SecurityStampLength, lowercase: true);

    /// <summary>Sets the skeleton of an account created before skeletons were kept.</summary>
    public void BackfillUsernameSkeleton(string usernameSkeleton) =>
        UsernameSkeleton ??= Guard.RequiredText(usernameSkeleton, UsernameSkeletonMaxLength, "Username skeleton");
}
