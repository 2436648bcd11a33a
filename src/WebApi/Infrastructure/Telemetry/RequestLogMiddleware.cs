using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>
/// One log line per request, written when it ends: method, route template (never the path: a signed
/// media URL's path is its credential), status, duration, the signed-in user's id, and the bytes
/// declared in and out. First in the pipeline, so it sees the status the exception handler chose.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "PersonaMedia.Requests";
    private const string Absent = "-";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }

        // Routing ran before the app's own middleware; the exception handler clears the endpoint later.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var startedAt = Stopwatch.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
            var aborted = context.RequestAborted.IsCancellationRequested;
            var template = route is null ? "(no route)" : "/" + route.TrimStart('/');
            var userId = (object?)context.User.GetUserId() ?? Absent;
            var requestBytes = (object?)context.Request.ContentLength ?? Absent;
            var responseBytes = (object?)context.Response.ContentLength ?? Absent;
            var duration = Math.Round(elapsed, 2);
            LogRequest(
                _logger,
                status >= 500 ? LogLevel.Error : LogLevel.Information,
                context.Request.Method,
                template,
                status,
                duration,
                userId,
                requestBytes,
                responseBytes,
                aborted);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "RequestEnded",
        Message = "{Method} {Route} {StatusCode} in {DurationMs} ms (user {UserId}, bytes in {RequestBytes}, out {ResponseBytes}, aborted {Aborted})")]
    private static partial void LogRequest(
        ILogger logger, LogLevel level, string method, string route, int statusCode, double durationMs,
        object userId, object requestBytes, object responseBytes, bool aborted);
}
