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
    /// <summary>The generated key's file, under the data folder, in a folder of its own (see <see cref="Generate"/>).</summary>
    public const string DevelopmentKeyFileName = DevelopmentKeyFolderName + "/key.txt";

    private const string DevelopmentKeyFolderName = "jwt-signing-key";

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
    /// Writes the key into a staging folder of its own, then renames that folder into place. A folder
    /// cannot be renamed onto one that holds a file, so of several instances starting at the same
    /// moment exactly one wins, and the others read the winner's key, which is whole before its name
    /// appears. (A file could not do that here: <see cref="File.Move(string, string, bool)"/> without
    /// overwrite checks and renames in two steps on Unix, and two racers both won a few rounds in a
    /// few hundred.) Only the owner may enter the folder or read the file.
    /// </summary>
    private static void Generate(string dataDirectory, string path)
    {
        Directory.CreateDirectory(dataDirectory);
        var folder = Path.GetDirectoryName(path)!;
        var staging = Path.Combine(dataDirectory, $".{DevelopmentKeyFolderName}-{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(staging);
        }
        else
        {
            Directory.CreateDirectory(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var file = new FileStream(Path.Combine(staging, Path.GetFileName(path)), options))
            {
                file.Write(Encoding.UTF8.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
                file.Flush(flushToDisk: true);
            }

            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance renamed its folder into place first; use its key.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
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
