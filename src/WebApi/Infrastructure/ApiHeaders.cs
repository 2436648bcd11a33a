using Microsoft.Net.Http.Headers;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>The response headers of the API's own, and those a browser front-end on another origin may read.</summary>
public static class ApiHeaders
{
    /// <summary>The number of items that match a list's filter, on every page.</summary>
    public const string TotalCount = "X-Total-Count";

    /// <summary><c>true</c> on an upload's answer replayed for a repeated <c>Idempotency-Key</c>.</summary>
    public const string IdempotentReplayed = "Idempotent-Replayed";

    /// <summary>
    /// Exposed to CORS front-ends: a cross-origin <c>fetch</c> sees only the safelisted headers
    /// without this, so paging, downloads, ranges, replays and the wait before a retry would be
    /// invisible to them.
    /// </summary>
    public static readonly string[] ExposedToFrontEnds =
    [
        TotalCount, HeaderNames.Link, HeaderNames.ContentDisposition, HeaderNames.ETag, HeaderNames.ContentRange,
        HeaderNames.AcceptRanges, IdempotentReplayed, HeaderNames.RetryAfter,
    ];
}
