using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>
/// Gives accounts created before usernames had a confusable skeleton theirs, once, at start: a
/// migration cannot (SQL knows no TR39), and until it is set an old name does not block its
/// look-alikes. Where two old accounts already are look-alikes of each other, the later one keeps
/// no skeleton and a warning names both, for an operator to decide; nothing is renamed.
/// </summary>
internal static partial class UsernameSkeletonBackfill
{
    private const int BatchSize = 500;

    public static async Task RunAsync(AppDbContext db, IConfusableSkeleton skeletons, ILogger logger, CancellationToken cancellationToken)
    {
        var filled = 0;
        for (var after = 0; ;)
        {
            var batch = await db.Users.Where(u => u.UsernameSkeleton == null && u.Id > after)
                .OrderBy(u => u.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var claimed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var user in batch)
            {
                var skeleton = skeletons.Compute(user.Username);
                var holder = claimed.TryGetValue(skeleton, out var id) ? id
                    : await db.Users.Where(u => u.UsernameSkeleton == skeleton).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
                if (holder is { } other)
                {
                    LogLookAlike(logger, user.Id, other);
                    continue;
                }

                user.BackfillUsernameSkeleton(skeleton);
                claimed[skeleton] = user.Id;
                filled++;
            }

            await db.SaveChangesAsync(cancellationToken);
            after = batch[^1].Id;
        }

        if (filled > 0)
        {
            LogFilled(logger, filled);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Computed the username skeleton of {Count} existing account(s)")]
    private static partial void LogFilled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The username of user {UserId} is a look-alike of that of user {OtherUserId}; it keeps no skeleton, so it does not block further look-alikes")]
    private static partial void LogLookAlike(ILogger logger, int userId, int otherUserId);
}
