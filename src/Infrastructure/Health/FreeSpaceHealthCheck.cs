using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PersonaMedia.Infrastructure.Health;

/// <summary>The local folders whose disks must keep free space: the local store's and the SQLite database's.</summary>
internal sealed record LocalDataFolders(IReadOnlyList<(string What, string Path)> Folders);

/// <summary>
/// Ready while each local data folder's file system has at least <see cref="HealthOptions.MinimumFreeMegabytes"/>
/// free for this process. A store in the cloud and a database on a server have no folder here.
/// </summary>
internal sealed class FreeSpaceHealthCheck(LocalDataFolders folders, IOptions<HealthOptions> options, HealthProbeCache cache) : IHealthCheck
{
    public const string Name = "disk-space";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetOrRunAsync(Name, _ => Task.FromResult(Check()), cancellationToken);

    private HealthCheckResult Check()
    {
        var floor = options.Value.MinimumFreeBytes;
        var lowOnSpace = new List<string>();
        foreach (var (what, path) in folders.Folders)
        {
            try
            {
                var free = new DriveInfo(path).AvailableFreeSpace;
                if (free < floor)
                {
                    lowOnSpace.Add($"{what} ({path}) has {free / (1024 * 1024)} MiB free, under the floor of {options.Value.MinimumFreeMegabytes} MiB (Health:MinimumFreeMegabytes)");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                lowOnSpace.Add($"{what} ({path}): free space unknown, {ex.Message}");
            }
        }

        return lowOnSpace.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", lowOnSpace) + ".");
    }
}
