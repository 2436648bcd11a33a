using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Quota;

internal sealed class StorageQuota(AppDbContext db, IOptions<StorageQuotaOptions> options) : IStorageQuota
{
    public long BytesPerUser { get; } = options.Value.QuotaBytesPerUser;

    public Task<long> GetUsedBytesAsync(int userId, CancellationToken cancellationToken) =>
        StorageUsage.ReadAsync(db, userId, cancellationToken);
}
