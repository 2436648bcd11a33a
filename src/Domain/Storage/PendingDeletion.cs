namespace PersonaMedia.Domain.Storage;

/// <summary>
/// Stored bytes whose rows are gone and which are still to be removed from the file store: one
/// object's key, or a folder prefix (ending in '/') for everything a persona had. Recorded in the
/// same transaction that removes the rows, so bytes are never forgotten, whatever fails or crashes
/// between that commit and the store's delete; removed once the store confirms the delete.
/// </summary>
public sealed class PendingDeletion
{
    public const int KeyMaxLength = 300;
    public const int LastErrorMaxLength = 500;

    /// <summary>How long a new entry is left to the request that made it before a retrier may take it.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private PendingDeletion()
    {
        Key = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The object's key, or a folder prefix ending in '/'.</summary>
    public string Key { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>When a retrier may next try; a new entry waits <see cref="FirstRetryDelay"/>.</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>Why the last attempt failed, shortened; null before any failure.</summary>
    public string? LastError { get; private set; }

    public bool IsPrefix => Key.EndsWith('/');

    public static PendingDeletion For(string key, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length > KeyMaxLength)
        {
            throw new ArgumentException($"A storage key holds at most {KeyMaxLength} characters.", nameof(key));
        }

        return new PendingDeletion { Key = key, CreatedAt = now, NextAttemptAt = now + FirstRetryDelay };
    }

    /// <summary>Records a failed attempt and backs off exponentially, up to <see cref="MaxRetryDelay"/>.</summary>
    public void Failed(string error, DateTime now)
    {
        Attempts++;
        var delay = TimeSpan.FromTicks(Math.Min(
            FirstRetryDelay.Ticks * (1L << Math.Min(Attempts, 20)),
            MaxRetryDelay.Ticks));
        NextAttemptAt = now + delay;
        LastError = error.Length <= LastErrorMaxLength ? error : error[..LastErrorMaxLength];
    }
}
