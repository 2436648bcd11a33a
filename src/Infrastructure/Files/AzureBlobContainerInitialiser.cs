using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Creates the store's container when the host starts, unless <c>Storage:AzureBlob:CreateContainer</c>
/// is false. A failure stops the start, as an unreachable database does.
/// </summary>
internal sealed partial class AzureBlobContainerInitialiser(
    AzureBlobFileStore store, IOptions<AzureBlobFileStoreOptions> options, ILogger<AzureBlobContainerInitialiser> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateContainer)
        {
            return;
        }

        var created = await store.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (created is not null)
        {
            LogCreated(logger, store.Container.Name, store.Container.AccountName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created blob container {Container} in account {Account}")]
    private static partial void LogCreated(ILogger logger, string container, string account);
}
