using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// RFC 9110 §14.2: a server ignores a Range it does not support and answers the whole
/// representation with 200. ASP.NET Core's range processing already ignores several ranges and
/// malformed ones, but reads any unit as bytes (<c>items=0-9</c> was served as a 206 of bytes 0-9);
/// this takes away a Range whose unit is not <c>bytes</c> before the file result sees it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class IgnoreUnsupportedRangesAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var headers = context.HttpContext.Request.Headers;
        if (headers.Range.Count > 0 && !IsByteRange(headers.Range))
        {
            headers.Remove(HeaderNames.Range);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private static bool IsByteRange(Microsoft.Extensions.Primitives.StringValues range) =>
        range.Count == 1
        && RangeHeaderValue.TryParse(range[0], out var parsed)
        && parsed.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase);
}
