using Microsoft.Extensions.Diagnostics.HealthChecks;
using PersonaMedia.Infrastructure.Health;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>Ready when the store's root folder takes, gives back and deletes a probe object of real bytes.</summary>
internal sealed class LocalFileStoreHealthCheck(LocalFileStore store, HealthProbeCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetOrRunAsync(context.Registration?.Name ?? "file-store", CheckAsync, cancellationToken);

    private async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await FileStoreProbe.ProblemAsync(store, cancellationToken) is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The upload folder {store.RootPath} does not take a probe file: {ex.Message}", ex);
        }
    }
}
