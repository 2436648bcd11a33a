using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Common;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// The one place where exceptions become HTTP answers: each known kind maps to its status as
/// problem+json with a <c>detail</c>; anything else is a 500 that shows no internals.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IEnumerable<IFaultTranslator> faults,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
            return true;
        }

        var problem = ProblemFor(exception);
        if (problem is null && faults.Select(f => f.Translate(exception)).FirstOrDefault(e => e is not null) is { } translated)
        {
            // A provider's own error (SQLite's code, Azure's status, an errno) read as what it means to the client.
            exception = translated;
            problem = ProblemFor(exception);
        }

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, RouteOf(httpContext));
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.");
        }

        if (exception is ServiceUnavailableException unavailable)
        {
            LogUnavailable(logger, exception.InnerException ?? exception, httpContext.Request.Method, RouteOf(httpContext));
            httpContext.Response.Headers.RetryAfter = unavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (exception is TooManyRequestsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (exception is InsufficientStorageException)
        {
            LogFull(logger, exception.InnerException ?? exception, httpContext.Request.Method, RouteOf(httpContext));
        }

        if (exception is PayloadTooLargeException)
        {
            LetKestrelDrainTheRefusedBody(httpContext);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = JwtBearerProblems.Challenge(null);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// A body refused on its Content-Length is still on its way. Left over the size limit, Kestrel
    /// closes the connection with those bytes unread, TCP answers them with a reset, and the reset
    /// can destroy the 413 before the client has read it (hey saw 1 to 5 in 20). Without the limit,
    /// Kestrel sends the 413 first and then discards the rest, for at most its 5 s drain timeout,
    /// as it does for any unread body, and the connection survives.
    /// </summary>
    private static void LetKestrelDrainTheRefusedBody(HttpContext httpContext)
    {
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }

    /// <summary>The problem <c>type</c> of an upload refused because the user's quota is used up.</summary>
    public const string QuotaExceededType = "tag:personamedia,2026:problems/quota-exceeded";

    /// <summary>The answer for each kind of exception the Application and the framework throw; null for the rest.</summary>
    private static ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(validation.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = validation.Detail,
        },
        // A guard that names the value it refused answers like a validator would, keyed by that field.
        DomainException { Field: { } field } => new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [field] = [exception.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = exception.Message,
        },
        DomainException => Problem(StatusCodes.Status400BadRequest, exception.Message),
        AuthenticationFailedException => Problem(StatusCodes.Status401Unauthorized, exception.Message),
        NotFoundException => Problem(StatusCodes.Status404NotFound, exception.Message),
        ConflictException => Problem(StatusCodes.Status409Conflict, exception.Message),
        PreconditionFailedException => Problem(StatusCodes.Status412PreconditionFailed, exception.Message),
        PayloadTooLargeException => Problem(StatusCodes.Status413PayloadTooLarge, exception.Message),
        UnprocessableRequestException => Problem(StatusCodes.Status422UnprocessableEntity, exception.Message),
        BadHttpRequestException bad => Problem(bad.StatusCode, DetailOf(bad)),
        // 507 has no default type and title in ASP.NET Core: WebDAV's definition (RFC 4918) is its home.
        InsufficientStorageException => new ProblemDetails
        {
            Status = StatusCodes.Status507InsufficientStorage,
            Type = "https://www.rfc-editor.org/rfc/rfc4918#section-11.5",
            Title = "Insufficient Storage",
            Detail = exception.Message,
        },
        // The same status as a full disk, but the client's own doing: a type of its own tells them apart.
        QuotaExceededException quota => new ProblemDetails
        {
            Status = StatusCodes.Status507InsufficientStorage,
            Type = QuotaExceededType,
            Title = "Storage quota exceeded",
            Detail = exception.Message,
            Extensions = { ["quota_bytes"] = quota.QuotaBytes, ["used_bytes"] = quota.UsedBytes },
        },
        ServiceUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, exception.Message),
        // The same type and title as the rate limiter's own refusals.
        TooManyRequestsException => new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            Title = "Too Many Requests",
            Detail = exception.Message,
        },
        _ => null,
    };

    /// <summary>
    /// The request's route template, never its path: a signed media URL's path is its credential. The
    /// handler runs after the endpoint was cleared; <see cref="IExceptionHandlerPathFeature"/> keeps it.
    /// </summary>
    private static string RouteOf(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint is Microsoft.AspNetCore.Routing.RouteEndpoint { RoutePattern.RawText: { } route }
            ? "/" + route.TrimStart('/')
            : "(no route)";

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    private static string DetailOf(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        _ => "The request could not be read.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency is unavailable for {Method} {Route}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "A disk is full for {Method} {Route}; answered 507")]
    private static partial void LogFull(ILogger logger, Exception exception, string method, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Route}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string route);
}
