using PersonaMedia.Domain.Common;

namespace PersonaMedia.Domain.Users;

/// <summary>
/// One refresh token of a sign-in session (a family). Only its SHA-256 is kept, never the token, so
/// the table is useless to whoever reads it. Each refresh uses the token up and issues the next one
/// of the same family; a token presented again after it was used means it was copied, and the
/// whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    /// <summary>Hex SHA-256.</summary>
    public const int TokenHashLength = 64;

    private RefreshToken()
    {
        TokenHash = SecurityStamp = string.Empty;
    }

    public long Id { get; private set; }
    public int UserId { get; private set; }

    /// <summary>The session: every token issued by refreshing one sign-in's token shares it.</summary>
    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; }

    /// <summary>
    /// The account's security stamp when the token was issued: after a password change the stamp
    /// differs, and the token is refused even if it was issued a moment after the revocation.
    /// </summary>
    public string SecurityStamp { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for the next one; a token is used once.</summary>
    public DateTime? UsedAt { get; private set; }

    /// <summary>When its family was signed out, revoked for reuse, or ended by a password change.</summary>
    public DateTime? RevokedAt { get; private set; }

    public static RefreshToken Issue(int userId, Guid familyId, string tokenHash, string securityStamp, DateTime now, TimeSpan lifetime)
    {
        if (tokenHash.Length != TokenHashLength)
        {
            throw new DomainException("A refresh token is kept as its 64-character SHA-256.");
        }

        return new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = tokenHash,
            SecurityStamp = Guard.RequiredText(securityStamp, User.SecurityStampLength, "Security stamp"),
            CreatedAt = Guard.Utc(now),
            ExpiresAt = Guard.Utc(now) + lifetime,
        };
    }

    /// <summary>Whether it may be exchanged now (the database decides finally, in one conditional statement).</summary>
    public bool IsActive(DateTime now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;
}
