namespace PersonaMedia.Infrastructure.Files;

/// <summary>The values of <c>Storage:Provider</c>: where media bytes are kept.</summary>
public enum StorageProvider
{
    Local,
    AzureBlob,
}
