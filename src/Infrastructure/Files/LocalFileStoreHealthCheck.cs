using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>Ready when the store's root folder exists and accepts a new file.</summary>
internal sealed class LocalFileStoreHealthCheck(LocalFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(store.RootPath, $".health-{Guid.NewGuid():N}{LocalFileStore.TemporarySuffix}");
        try
        {
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The upload folder is not writable.", ex);
        }
    }
}
