namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// Settings from files, one per setting, as Docker and compose secrets (and Kubernetes secret volumes)
/// mount them: the file's name is the key (<c>__</c> for <c>:</c>), its content the value, read after
/// the environment so a secret file wins. The folder is <c>SecretsDirectory</c> (default <c>/run/secrets</c>);
/// a missing folder is no error.
/// </summary>
internal static class SecretFiles
{
    public const string DirectoryKey = "SecretsDirectory";
    public const string DefaultDirectory = "/run/secrets";

    public static IConfigurationBuilder AddSecretFiles(this ConfigurationManager configuration)
    {
        var directory = configuration[DirectoryKey] is { Length: > 0 } configured ? configured : DefaultDirectory;
        return configuration.AddKeyPerFile(Path.GetFullPath(directory), optional: true, reloadOnChange: false);
    }
}
