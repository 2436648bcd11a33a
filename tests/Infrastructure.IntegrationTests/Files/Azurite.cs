using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

/// <summary>
/// The Azurite blob service that scripts/test.sh starts. Without it the Azure-backed tests are
/// skipped with the reason, unless the run demands it (PERSONAMEDIA_TEST_REQUIRE_AZURITE=1, set by
/// scripts/test.sh), in which case they fail.
/// </summary>
internal static class Azurite
{
    public const string ConnectionStringVariable = "PERSONAMEDIA_TEST_AZURITE_CONNECTION_STRING";
    public const string RequiredVariable = "PERSONAMEDIA_TEST_REQUIRE_AZURITE";

    private static readonly Lazy<Task<string?>> Unreachable = new(ProbeAsync);

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ConnectionStringVariable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            var reason = $"{ConnectionStringVariable} is not set: run scripts/test.sh, which starts Azurite (tools/azurite) and sets it.";
            if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
            throw new UnreachableException();
        }
    }

    /// <summary>Fails at once when Azurite is configured but does not answer, instead of each test retrying for seconds.</summary>
    public static async Task EnsureReachableAsync()
    {
        _ = ConnectionString;
        if (await Unreachable.Value is { } reason)
        {
            Assert.Fail(reason);
        }
    }

    /// <summary>A client for a container of the caller's own, with the store's retry policy; not yet created.</summary>
    public static BlobContainerClient NewContainer(Action<BlobClientOptions>? configure = null)
    {
        var options = AzureBlobFileStore.CreateClientOptions();
        configure?.Invoke(options);
        return new BlobServiceClient(ConnectionString, options).GetBlobContainerClient($"test-{Guid.NewGuid():N}");
    }

    private static async Task<string?> ProbeAsync()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var service = new BlobServiceClient(ConnectionString, options);
        try
        {
            await service.GetBlobContainerClient("probe").ExistsAsync();
            return null;
        }
        catch (RequestFailedException ex)
        {
            return $"Azurite at {service.Uri} does not answer ({ex.Message}); scripts/test.sh starts it.";
        }
    }
}
