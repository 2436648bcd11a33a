using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>RFC 8288 <c>Link</c> header values for a page: <c>next</c> and <c>prev</c>, keeping the filter and <c>include</c>.</summary>
internal static class PagingLinks
{
    public static string For<T>(PathString path, MediaType? mediaType, Page<T> page, string? include = null)
    {
        var links = new List<string>(2);
        if (page.HasNext)
        {
            links.Add(Link(path, mediaType, include, page.Limit, page.Offset + page.Limit, "next"));
        }

        if (page.HasPrevious)
        {
            links.Add(Link(path, mediaType, include, page.Limit, Math.Max(0, page.Offset - page.Limit), "prev"));
        }

        return string.Join(", ", links);
    }

    private static string Link(PathString path, MediaType? mediaType, string? include, int limit, int offset, string relation)
    {
        var query = new QueryBuilder();
        if (mediaType is { } type)
        {
            query.Add("media_type", MediaTypeQueryBinder.Format(type));
        }

        if (include is not null)
        {
            query.Add("include", include);
        }

        query.Add("limit", limit.ToString(CultureInfo.InvariantCulture));
        query.Add("offset", offset.ToString(CultureInfo.InvariantCulture));
        return $"<{path}{query}>; rel=\"{relation}\"";
    }
}
