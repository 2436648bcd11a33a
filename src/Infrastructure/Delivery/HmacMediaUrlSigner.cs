using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Infrastructure.Delivery;

/// <summary>
/// Tokens of signed media URLs: a version byte, the file id, the variant, the disposition and the
/// expiry (Unix seconds), followed by their HMAC-SHA256, all base64url. No storage key, user id or
/// file name is in it; clients treat it as opaque. Any of the accepted keys verifies, the first signs.
/// </summary>
internal sealed class HmacMediaUrlSigner(IReadOnlyList<byte[]> keys, TimeSpan defaultLifetime, TimeSpan maxLifetime) : IMediaUrlSigner
{
    private const byte Version = 1;
    private const int PayloadBytes = 1 + 4 + 1 + 1 + 8;
    private const int MacBytes = HMACSHA256.HashSizeInBytes;
    private const int TokenBytes = PayloadBytes + MacBytes;
    private static readonly int TokenChars = Base64Url.GetEncodedLength(TokenBytes);

    /// <summary>Where a development key is derived from the JWT key: a key of its own, though not configured.</summary>
    private static readonly byte[] DevelopmentKeyInfo = Encoding.ASCII.GetBytes("PersonaMedia media URL signing key v1");

    public TimeSpan DefaultLifetime { get; } = defaultLifetime;

    public TimeSpan MaxLifetime { get; } = maxLifetime;

    public static byte[] DevelopmentKey(byte[] jwtSigningKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, jwtSigningKey, 32, salt: [], info: DevelopmentKeyInfo);

    public string Sign(MediaUrlGrant grant)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        token[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(token[1..], grant.FileId);
        token[5] = (byte)grant.Variant;
        token[6] = (byte)grant.Disposition;
        BinaryPrimitives.WriteInt64BigEndian(token[7..], grant.ExpiresAt.ToUnixTimeSeconds());
        HMACSHA256.HashData(keys[0], token[..PayloadBytes], token[PayloadBytes..]);
        return Base64Url.EncodeToString(token);
    }

    public MediaUrlGrant? Read(string token)
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (token.Length != TokenChars || !TryDecode(token, bytes) || bytes[0] != Version)
        {
            return null;
        }

        // Every key is tried, each in constant time, so neither the time nor the answer tells which byte was wrong.
        Span<byte> expected = stackalloc byte[MacBytes];
        var signed = false;
        foreach (var key in keys)
        {
            HMACSHA256.HashData(key, bytes[..PayloadBytes], expected);
            signed |= CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadBytes..]);
        }

        var disposition = (MediaDisposition)bytes[6];
        if (!signed || !Enum.IsDefined(disposition))
        {
            return null;
        }

        var expiresAt = BinaryPrimitives.ReadInt64BigEndian(bytes[7..]);
        if (expiresAt < 0 || expiresAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        return new MediaUrlGrant(
            BinaryPrimitives.ReadInt32BigEndian(bytes[1..]), (MediaVariant)bytes[5], disposition, DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }

    /// <summary>
    /// Base64Url's Try method still throws for a last character whose unused bits are set (a token
    /// with its last character changed was answered 500); any undecodable token is simply not one.
    /// </summary>
    private static bool TryDecode(string token, Span<byte> bytes)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == TokenBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
