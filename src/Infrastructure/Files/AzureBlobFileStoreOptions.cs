using System.Text.RegularExpressions;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>The <c>Storage:AzureBlob</c> configuration section.</summary>
public sealed partial class AzureBlobFileStoreOptions
{
    public const string SectionName = "Storage:AzureBlob";
    public const string DefaultContainer = "media";
    public const int DefaultBlockSize = 1024 * 1024;
    public const int MinBlockSize = 64 * 1024;
    public const int MaxBlockSize = 64 * 1024 * 1024;

    /// <summary>An account connection string (account key or SAS). Takes precedence over <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The blob service endpoint, such as <c>https://account.blob.core.windows.net</c>, used with
    /// <c>DefaultAzureCredential</c> (managed identity, workload identity, environment, developer sign-in)
    /// when no connection string is given.
    /// </summary>
    public Uri? ServiceUri { get; set; }

    public string Container { get; set; } = DefaultContainer;

    /// <summary>
    /// Bytes held in memory per upload before they are sent as one staged block, and read per
    /// request when a whole file is streamed out. Bounds memory per transfer.
    /// </summary>
    public int BlockSize { get; set; } = DefaultBlockSize;

    /// <summary>Create the container at start when it is missing; off where the identity may only read and write blobs.</summary>
    public bool CreateContainer { get; set; } = true;

    /// <summary>Why these settings cannot work, or null when they can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && ServiceUri is null)
        {
            return "Storage:Provider is AzureBlob but neither Storage:AzureBlob:ConnectionString nor Storage:AzureBlob:ServiceUri is set; "
                + "set Storage__AzureBlob__ConnectionString, or Storage__AzureBlob__ServiceUri to use a managed identity.";
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString) && ConnectionStringProblem(ConnectionString) is { } malformed)
        {
            return $"Storage:AzureBlob:ConnectionString is not an Azure Storage connection string ({malformed}): "
                + "copy it whole from the storage account's Access keys (DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net).";
        }

        if (ServiceUri is { IsAbsoluteUri: false })
        {
            return $"Storage:AzureBlob:ServiceUri '{ServiceUri}' is not an absolute URI.";
        }

        if (!ContainerName().IsMatch(Container ?? string.Empty))
        {
            return $"Storage:AzureBlob:Container '{Container}' is not a valid container name: "
                + "3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.";
        }

        if (BlockSize is < MinBlockSize or > MaxBlockSize)
        {
            return $"Storage:AzureBlob:BlockSize {BlockSize} must lie between {MinBlockSize} and {MaxBlockSize} bytes.";
        }

        return null;
    }

    // The SDK's parser; its messages name the rule broken, never the value (which holds the account key).
    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return ex.Message.TrimEnd('.');
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
