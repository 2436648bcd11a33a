using Microsoft.Extensions.Diagnostics.HealthChecks;
using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.Health;

/// <summary>
/// Degraded (still ready: every other file is served) while the last reconciliation found rows
/// whose bytes are missing, or held back deletions for an operator to look at; healthy before the
/// first pass and after a clean one.
/// </summary>
internal sealed class ReconciliationHealthCheck(StoreReconciler reconciler) : IHealthCheck
{
    public const string Name = "store-consistency";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = reconciler.LastReport;
        if (report is null || (report.MissingBytes == 0 && report.HeldBack is null))
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var data = new Dictionary<string, object>
        {
            ["missing_bytes"] = report.MissingBytes,
            ["orphans_kept"] = report.Orphans - report.OrphansDeleted,
            ["checked_at"] = report.StartedAt,
        };
        var problems = new List<string>();
        if (report.MissingBytes > 0)
        {
            problems.Add($"{report.MissingBytes} media file(s) have no bytes in the store (ids: {string.Join(", ", report.MissingSample)})");
        }

        if (report.HeldBack is not null)
        {
            problems.Add(report.HeldBack);
        }

        return Task.FromResult(HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data));
    }
}
