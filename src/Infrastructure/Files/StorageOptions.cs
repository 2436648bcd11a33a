namespace PersonaMedia.Infrastructure.Files;

/// <summary>The <c>Storage</c> configuration section: which store keeps media bytes.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Local</c> or <c>AzureBlob</c>, by name only (the binder would take <c>1</c> for an enum's second member).</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Local);

    public StorageProvider? Kind => ParseProvider(Provider);

    /// <summary>
    /// The longest any one store call (begin, each write, commit, open, each read, delete, a page
    /// of a listing) may take before the request gets 503 with Retry-After instead of waiting on a
    /// store that accepts connections and never answers.
    /// </summary>
    public int OperationTimeoutSeconds { get; set; } = 30;

    public TimeSpan OperationTimeout => TimeSpan.FromSeconds(OperationTimeoutSeconds);

    public static StorageProvider? ParseProvider(string? value) => value?.Trim() switch
    {
        null or "" => StorageProvider.Local,
        var v when v.Equals(nameof(StorageProvider.Local), StringComparison.OrdinalIgnoreCase) => StorageProvider.Local,
        var v when v.Equals(nameof(StorageProvider.AzureBlob), StringComparison.OrdinalIgnoreCase) => StorageProvider.AzureBlob,
        _ => null,
    };

    public IEnumerable<string> Problems()
    {
        if (Kind is null)
        {
            yield return $"Storage:Provider '{Provider}' is not supported; use Local or AzureBlob.";
        }

        if (OperationTimeoutSeconds is < 1 or > 600)
        {
            yield return $"Storage:OperationTimeoutSeconds is {OperationTimeoutSeconds}; use 1 to 600.";
        }
    }
}
