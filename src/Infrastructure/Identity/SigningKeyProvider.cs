using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>
/// Resolves the key that signs and validates access tokens. Outside Development a configured key of
/// at least 32 bytes is required; in Development a missing key is generated once and kept in a file
/// under the data folder, so tokens survive restarts.
/// </summary>
public static class SigningKeyProvider
{
    public const string DevelopmentKeyFileName = "jwt-signing-key.txt";

    /// <summary>The key that signs: the first of <see cref="ResolveAll"/>.</summary>
    public static SymmetricSecurityKey Resolve(JwtOptions options, bool isDevelopment, string dataDirectory) =>
        ResolveAll(options, isDevelopment, dataDirectory).Current;

    /// <summary>
    /// Every key tokens are accepted under (<c>Jwt:SigningKeys</c>, then <c>Jwt:SigningKey</c>), each
    /// named by a <c>kid</c> derived from its bytes; the first signs.
    /// </summary>
    public static SigningKeySet ResolveAll(JwtOptions options, bool isDevelopment, string dataDirectory)
    {
        if (options.ConfiguredKeys() is { Count: > 0 } configured)
        {
            return new SigningKeySet([.. configured.Select(k => FromText(k.Key, k.Source))]);
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException(
                $"Jwt:SigningKey is not configured. Outside Development the service needs a signing key of at least "
                + $"{JwtOptions.MinimumKeyBytes} bytes; set it, for example, with the environment variable Jwt__SigningKey "
                + "(or a list, Jwt__SigningKeys__0, to rotate keys).");
        }

        var path = Path.Combine(dataDirectory, DevelopmentKeyFileName);
        if (!File.Exists(path))
        {
            Generate(dataDirectory, path);
        }

        return new SigningKeySet([FromText(ReadKeyFile(path), path)]);
    }

    /// <summary>
    /// Writes the key to a temporary file of its own and then moves it into place without
    /// overwriting, so the file appears whole or not at all: of several instances starting at the
    /// same moment, the first move wins and the others read the winner's key. Only the owner may
    /// read the file.
    /// </summary>
    private static void Generate(string dataDirectory, string path)
    {
        Directory.CreateDirectory(dataDirectory);
        var temporary = Path.Combine(dataDirectory, $".{DevelopmentKeyFileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(Encoding.UTF8.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance moved its key into place first; use theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The stored key; the file is only ever seen whole (see <see cref="Generate"/>).</summary>
    private static string ReadKeyFile(string path) => File.ReadAllText(path).Trim();

    private static SymmetricSecurityKey FromText(string key, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < JwtOptions.MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"The JWT signing key from {source} is {bytes.Length} bytes; it must be at least {JwtOptions.MinimumKeyBytes} bytes.");
        }

        if (SecretStrength.Weakness(key) is { } weakness)
        {
            throw new StartupFailureException($"The JWT signing key from {source} {weakness}; replace it with a random key (for example openssl rand -base64 48).");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes), 0, 8) };
    }
}

/// <summary>The signing keys: <see cref="Current"/> signs new tokens, every one of <see cref="All"/> validates.</summary>
public sealed record SigningKeySet(IReadOnlyList<SymmetricSecurityKey> All)
{
    public SymmetricSecurityKey Current => All[0];
}
