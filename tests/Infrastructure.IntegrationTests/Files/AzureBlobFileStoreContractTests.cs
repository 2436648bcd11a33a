using Azure.Storage.Blobs;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

/// <summary>
/// The contract on Azure Blob Storage (Azurite), each test in a container of its own. Listing shows
/// committed blobs: blocks staged by an upload that was never committed are invisible to every
/// reader and discarded by the service, so they are not something a store could leave behind.
/// </summary>
[Category("Azurite")]
public sealed class AzureBlobFileStoreContractTests : FileStoreContractTests
{
    // Small blocks, so that the tests' files of a few hundred KiB span several staged blocks.
    private const int BlockSize = 256 * 1024;

    private BlobContainerClient? _container;

    [OneTimeSetUp]
    public Task RequireAzurite() => Azurite.EnsureReachableAsync();

    protected override async Task<IFileStore> CreateStoreAsync()
    {
        _container = Azurite.NewContainer();
        await _container.CreateAsync();
        return new AzureBlobFileStore(_container, BlockSize);
    }

    protected override async Task<IReadOnlyList<string>> ListEverythingAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _container!.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names.Order(StringComparer.Ordinal).ToList();
    }

    protected override async Task DeleteStoreAsync()
    {
        if (_container is not null)
        {
            await _container.DeleteIfExistsAsync();
        }
    }
}
