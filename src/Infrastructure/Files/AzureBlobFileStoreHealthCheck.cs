using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>Ready when the store's container answers with its properties: reachable, authorised and present.</summary>
internal sealed class AzureBlobFileStoreHealthCheck(AzureBlobFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.Container.GetPropertiesAsync(cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy(
                $"The blob container '{store.Container.Name}' answered {ex.Status} {ex.ErrorCode}.", ex);
        }
        catch (Exception ex) when (ex is AggregateException or Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy($"The blob container '{store.Container.Name}' cannot be reached.", ex);
        }
    }
}
