using Azure.Storage.Blobs;

namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// The Azure Blob store on the Azurite that scripts/test.sh starts, in a container of this run's own
/// that the app creates when it starts. Lists committed blobs: blocks staged by an upload that was
/// never committed are invisible to every reader and discarded by the service.
/// </summary>
public sealed class AzureTestStorage : ITestStorage, IAsyncDisposable
{
    public const string ConnectionStringVariable = "PERSONAMEDIA_TEST_AZURITE_CONNECTION_STRING";
    public const string RequiredVariable = "PERSONAMEDIA_TEST_REQUIRE_AZURITE";

    private readonly string _connectionString;
    private readonly BlobContainerClient _container;

    private AzureTestStorage(string connectionString)
    {
        _connectionString = connectionString;
        _container = new BlobContainerClient(connectionString, $"functional-{Guid.NewGuid():N}");
    }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureBlob",
        ["Storage:AzureBlob:ConnectionString"] = _connectionString,
        ["Storage:AzureBlob:Container"] = _container.Name,
    };

    /// <summary>The storage, or <c>Assert.Ignore</c> (<c>Assert.Fail</c> when the run requires Azurite) with how to get it.</summary>
    public static AzureTestStorage Create()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var reason = $"{ConnectionStringVariable} is not set: run scripts/test.sh, which starts Azurite (tools/azurite) and sets it.";
            if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        return new AzureTestStorage(connectionString!);
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync())
        {
            keys.Add(blob.Name);
        }

        return keys.Order(StringComparer.Ordinal).ToList();
    }

    public async Task<byte[]> ReadAsync(string key) =>
        (await _container.GetBlobClient(key).DownloadContentAsync()).Value.Content.ToArray();

    public async Task ResetAsync()
    {
        await foreach (var blob in _container.GetBlobsAsync())
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name);
        }
    }

    public async ValueTask DisposeAsync() => await _container.DeleteIfExistsAsync();
}
