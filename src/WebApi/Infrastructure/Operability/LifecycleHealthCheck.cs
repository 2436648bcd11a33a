using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PersonaMedia.WebApi.Infrastructure.Operability;

/// <summary>Ready only while serving: not before the host has started, and not from the first moment of shutdown.</summary>
internal sealed class LifecycleHealthCheck(ServiceLifecycle lifecycle) : IHealthCheck
{
    public const string Name = "lifecycle";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifecycle.State switch
        {
            LifecycleState.Serving => HealthCheckResult.Healthy(),
            LifecycleState.Starting => HealthCheckResult.Unhealthy("The service is still starting."),
            _ => HealthCheckResult.Unhealthy("The service is shutting down."),
        });
}
