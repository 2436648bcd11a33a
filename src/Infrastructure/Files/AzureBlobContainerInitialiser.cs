using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Creates the store's container when the host starts, unless <c>Storage:AzureBlob:CreateContainer</c>
/// is false. A failure stops the start, as an unreachable database does.
/// </summary>
internal sealed partial class AzureBlobContainerInitialiser(
    AzureBlobFileStore store,
    IOptions<AzureBlobFileStoreOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<AzureBlobContainerInitialiser> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateContainer)
        {
            return;
        }

        // An endpoint that accepts connections and never answers must not hold the start for the
        // SDK's minutes of retries, with nothing said: the start fails within the store's deadline.
        var deadline = storage.Value.OperationTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            var created = await store.Container.CreateIfNotExistsAsync(cancellationToken: timeout.Token).WaitAsync(timeout.Token);
            if (created is not null)
            {
                LogCreated(logger, store.Container.Name, store.Container.AccountName);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"The blob service at {store.Container.Uri.GetLeftPart(UriPartial.Authority)} did not answer within {deadline.TotalSeconds:0} s "
                + $"(Storage:OperationTimeoutSeconds) while the container '{store.Container.Name}' was created at start. "
                + "Check Storage:AzureBlob:ConnectionString or ServiceUri, and that the endpoint is reachable; or set "
                + "Storage:AzureBlob:CreateContainer=false if the container exists.", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created blob container {Container} in account {Account}")]
    private static partial void LogCreated(ILogger logger, string container, string account);
}
