using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using PersonaMedia.Application.Common.Concurrency;
using PersonaMedia.Application.Common.Exceptions;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// The HTTP side of optimistic concurrency: a persona's or a file's JSON carries a strong
/// <c>ETag</c> of its version, and a <c>PUT</c> with <c>If-Match</c> names the version it was
/// edited from (RFC 9110 13.1.1). The header's syntax ends here; the handlers see an <see cref="IfMatch"/>.
/// </summary>
internal static class EntityTags
{
    /// <summary>The strong entity tag of a version: <c>"&lt;version&gt;"</c>.</summary>
    public static string For(DateTime updatedAt) => $"\"{EntityVersion.Of(updatedAt)}\"";

    /// <summary>
    /// The request's <c>If-Match</c>, or null without one. Weak tags are kept but never match (the
    /// comparison is strong, as RFC 9110 asks for If-Match), so they answer 412. A value that is
    /// neither <c>*</c> nor a list of quoted tags is refused with 400.
    /// </summary>
    public static IfMatch? IfMatchOf(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(header))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            throw new ValidationException(HeaderNames.IfMatch, "If-Match must be * or a list of entity tags such as \"8de2c0a1b3f4e5d\".");
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return IfMatch.Any;
        }

        return new IfMatch(tags.Where(t => !t.IsWeak).Select(t => t.Tag.ToString().Trim('"')).ToList(), AnyVersion: false);
    }
}

/// <summary>Puts the <c>ETag</c> of a persona or a file on every successful answer that is one.</summary>
internal sealed class EntityTagResultFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: IVersioned versioned, StatusCode: null or StatusCodes.Status200OK })
        {
            context.HttpContext.Response.Headers.ETag = EntityTags.For(versioned.UpdatedAt);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
