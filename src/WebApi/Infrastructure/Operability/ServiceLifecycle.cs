using Microsoft.Extensions.Options;

namespace PersonaMedia.WebApi.Infrastructure.Operability;

/// <summary>
/// Where the process is in its life: starting until the host has started everything, serving, then
/// stopping from the first moment of shutdown (<see cref="IHostApplicationLifetime.ApplicationStopping"/>,
/// which SIGTERM raises). Readiness and the upload endpoints read it; on stopping it holds the
/// listener open for the drain delay before the server stops.
/// </summary>
internal sealed partial class ServiceLifecycle(
    IHostApplicationLifetime lifetime, IOptions<ShutdownOptions> options, ILogger<ServiceLifecycle> logger) : IHostedLifecycleService
{
    private int _state = (int)LifecycleState.Starting;

    public LifecycleState State => (LifecycleState)Volatile.Read(ref _state);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Interlocked.CompareExchange(ref _state, (int)LifecycleState.Serving, (int)LifecycleState.Starting));
        lifetime.ApplicationStopping.Register(() =>
        {
            Volatile.Write(ref _state, (int)LifecycleState.Stopping);
            LogStopping(logger, options.Value.DrainDelaySeconds, options.Value.TimeoutSeconds);
        });
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after ApplicationStopping and before any hosted service (the web server first) stops.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DrainDelaySeconds > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.DrainDelaySeconds), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout ran out first; the server stops now.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Stopping: readiness answers 503 and new uploads are refused; the listener closes in {DrainDelaySeconds} s, requests in flight have until {TimeoutSeconds} s")]
    private static partial void LogStopping(ILogger logger, int drainDelaySeconds, int timeoutSeconds);
}

internal enum LifecycleState
{
    Starting,
    Serving,
    Stopping,
}
