using Microsoft.Extensions.Options;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.WebApi.Infrastructure.Operability;

/// <summary>Probes and graceful shutdown: what an orchestrator needs to start, route to and stop the service.</summary>
public static class OperabilityExtensions
{
    public static IServiceCollection AddOperability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ShutdownOptions>(configuration.GetSection(ShutdownOptions.SectionName), o => o.Problems());
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>(
            (host, shutdown) => host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.TimeoutSeconds));

        services.AddSingleton<ServiceLifecycle>();
        services.AddHostedService(sp => sp.GetRequiredService<ServiceLifecycle>());
        services.AddHealthChecks().AddCheck<LifecycleHealthCheck>(
            LifecycleHealthCheck.Name, tags: [PersonaMedia.Infrastructure.DependencyInjection.ReadyTag]);
        return services;
    }
}
