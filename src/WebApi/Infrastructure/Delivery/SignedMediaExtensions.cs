using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Delivery;

namespace PersonaMedia.WebApi.Infrastructure.Delivery;

internal static class SignedMediaExtensions
{
    /// <summary>What the signed media path needs of the web layer: the service's address and its response headers.</summary>
    public static IServiceCollection AddSignedMedia(this IServiceCollection services)
    {
        services.AddScoped<IServiceAddress, RequestServiceAddress>();
        services.AddSingleton<SignedMediaHeadersFilter>();
        return services;
    }
}

/// <summary>
/// The address in <c>Media:PublicBaseUrl</c>, or else the one the request came to (scheme, host and
/// path base), so a URL handed out works from where the client called.
/// </summary>
internal sealed class RequestServiceAddress(IHttpContextAccessor accessor, IOptions<MediaUrlOptions> options) : IServiceAddress
{
    public Uri Resolve(string path)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = !string.IsNullOrEmpty(configured)
            ? configured
            : accessor.HttpContext?.Request is { } request
                ? $"{request.Scheme}://{request.Host}{request.PathBase}"
                : throw new InvalidOperationException("A media URL is made outside a request and Media:PublicBaseUrl is not set.");
        return new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), path);
    }
}

/// <summary>
/// Signed media is shown by browsers outside any page of ours: it may run nothing
/// (<c>default-src 'none'; sandbox</c>, so even a file a browser took for HTML could not script), and
/// only pages of the sites <c>Media:CrossOriginResourcePolicy</c> allows may embed it.
/// </summary>
internal sealed class SignedMediaHeadersFilter(IOptions<MediaUrlOptions> options) : IResultFilter
{
    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is FileResult)
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Cross-Origin-Resource-Policy"] = options.Value.CrossOriginResourcePolicy;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
