using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>
/// Resolves the key that signs and validates access tokens. Outside Development a configured key of
/// at least 32 bytes is required; in Development a missing key is generated once and kept in a file
/// under the data folder, so tokens survive restarts.
/// </summary>
public static class SigningKeyProvider
{
    public const string DevelopmentKeyFileName = "jwt-signing-key.txt";

    public static SymmetricSecurityKey Resolve(JwtOptions options, bool isDevelopment, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return FromText(options.SigningKey, "Jwt:SigningKey");
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException(
                $"Jwt:SigningKey is not configured. Outside Development the service needs a signing key of at least "
                + $"{JwtOptions.MinimumKeyBytes} bytes; set it, for example, with the environment variable Jwt__SigningKey.");
        }

        var path = Path.Combine(dataDirectory, DevelopmentKeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(Encoding.UTF8.GetBytes(generated));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first; use theirs.
            }
        }

        return FromText(File.ReadAllText(path).Trim(), path);
    }

    private static SymmetricSecurityKey FromText(string key, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < JwtOptions.MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"The JWT signing key from {source} is {bytes.Length} bytes; it must be at least {JwtOptions.MinimumKeyBytes} bytes.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes), 0, 8) };
    }
}
