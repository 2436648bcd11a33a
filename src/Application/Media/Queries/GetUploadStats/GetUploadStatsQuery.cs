using Mediator;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Queries.GetUploadStats;

public sealed record GetUploadStatsQuery : IQuery<UploadStatsDto>;

/// <summary>The caller's usage, in the original service's shape.</summary>
public sealed record UploadStatsDto(
    int TotalFiles,
    long TotalSizeBytes,
    double TotalSizeMb,
    int ImageCount,
    int VideoCount,
    IReadOnlyDictionary<string, PersonaUsageDto> PersonaStats,
    int FileSizeLimitMb,
    long QuotaBytes,
    long UsedBytes);

public sealed record PersonaUsageDto(int Images, int Videos, long TotalSize);

/// <summary>Folds the database's per-persona, per-type aggregate (a handful of rows) into the totals.</summary>
/// <remarks>
/// <c>used_bytes</c> is the count the quota is enforced against, kept by the database beside the rows;
/// it equals <c>total_size_bytes</c> (the rows' own sum) whenever no upload or delete is halfway.
/// </remarks>
public sealed class GetUploadStatsQueryHandler(IMediaFileRepository mediaFiles, IStorageQuota quota, ICurrentUser currentUser)
    : IQueryHandler<GetUploadStatsQuery, UploadStatsDto>
{
    private const double BytesPerMegabyte = 1024 * 1024;

    public async ValueTask<UploadStatsDto> Handle(GetUploadStatsQuery query, CancellationToken cancellationToken)
    {
        var usage = await mediaFiles.GetUsageAsync(currentUser.Id, cancellationToken);

        var personaStats = usage
            .GroupBy(u => u.PersonaId)
            .OrderBy(g => g.Key)
            .ToDictionary(
                g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                g => new PersonaUsageDto(
                    g.Where(u => u.MediaType == MediaType.Image).Sum(u => u.Count),
                    g.Where(u => u.MediaType == MediaType.Video).Sum(u => u.Count),
                    g.Sum(u => u.TotalSize)));
        var totalBytes = usage.Sum(u => u.TotalSize);

        return new UploadStatsDto(
            TotalFiles: usage.Sum(u => u.Count),
            TotalSizeBytes: totalBytes,
            TotalSizeMb: Math.Round(totalBytes / BytesPerMegabyte, 2, MidpointRounding.AwayFromZero),
            ImageCount: usage.Where(u => u.MediaType == MediaType.Image).Sum(u => u.Count),
            VideoCount: usage.Where(u => u.MediaType == MediaType.Video).Sum(u => u.Count),
            PersonaStats: personaStats,
            FileSizeLimitMb: MediaRules.MaxFileSizeMegabytes,
            QuotaBytes: quota.BytesPerUser,
            UsedBytes: await quota.GetUsedBytesAsync(currentUser.Id, cancellationToken));
    }
}
