using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PersonaMedia.Infrastructure.Health;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Ready when the store's container takes, gives back and deletes a probe blob of real bytes:
/// reachable, authorised to write, and present.
/// </summary>
internal sealed class AzureBlobFileStoreHealthCheck(AzureBlobFileStore store, HealthProbeCache? cache = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache is null
            ? CheckAsync(cancellationToken)
            : cache.GetOrRunAsync(context.Registration?.Name ?? "file-store", CheckAsync, cancellationToken);

    private async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await FileStoreProbe.ProblemAsync(store, cancellationToken) is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : HealthCheckResult.Healthy();
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy(
                $"The blob container '{store.Container.Name}' answered {ex.Status} {ex.ErrorCode}.", ex);
        }
        catch (Exception ex) when (ex is AggregateException or IOException or Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy($"The blob container '{store.Container.Name}' cannot be reached.", ex);
        }
    }
}
