namespace PersonaMedia.Domain.Media;

/// <summary>
/// An <c>Idempotency-Key</c> a user sent with an upload, and what it made: the same key from the
/// same user within <see cref="Lifetime"/> gets that file again instead of a second one. Recorded
/// in the transaction that inserts the file, so a key never points at a file that was not stored,
/// and it goes when its file goes.
/// </summary>
public sealed class UploadIdempotencyKey
{
    public const int KeyMaxLength = 255;
    public const int RequestHashLength = 64;

    /// <summary>How long a key replays its upload.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private UploadIdempotencyKey()
    {
        Key = RequestHash = string.Empty;
    }

    public long Id { get; private set; }
    public int UserId { get; private set; }

    /// <summary>The client's key, as sent (unquoted).</summary>
    public string Key { get; private set; }

    /// <summary>Lower-case hex SHA-256 of what identifies the request: where it went, the bytes, the name, the type, the description.</summary>
    public string RequestHash { get; private set; }

    public int MediaFileId { get; private set; }

    /// <summary>The file the key made; set when both are inserted together.</summary>
    public MediaFile? MediaFile { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    /// <summary>
    /// Whether the text can be a key: 1 to <see cref="KeyMaxLength"/> visible ASCII characters
    /// (a UUID, as clients usually send, or any other opaque token).
    /// </summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= KeyMaxLength } && key.All(c => c is > ' ' and < '\x7f');

    public static UploadIdempotencyKey For(int userId, string key, string requestHash, MediaFile file, DateTime now)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"An idempotency key is 1 to {KeyMaxLength} visible ASCII characters.", nameof(key));
        }

        if (requestHash.Length != RequestHashLength || !requestHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("The request hash must be 64 lower-case hex digits.", nameof(requestHash));
        }

        return new UploadIdempotencyKey
        {
            UserId = userId,
            Key = key,
            RequestHash = requestHash,
            MediaFile = file,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    public bool IsLiveAt(DateTime now) => ExpiresAt > now;
}
