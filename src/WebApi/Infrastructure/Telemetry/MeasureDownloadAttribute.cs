using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using PersonaMedia.Application.Common.Exceptions;

namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>
/// Counts a download endpoint's answers in <see cref="MediaMetrics"/>, from the request to the body's
/// last byte (a resource filter wraps the result's execution too, and the file result writes the body).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MeasureDownloadAttribute(string route) : Attribute, IAsyncResourceFilter, IOrderedFilter
{
    public const string Bearer = "download";
    public const string Signed = "signed";

    public int Order => int.MinValue;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var metrics = http.RequestServices.GetRequiredService<MediaMetrics>();
        var startedAt = Stopwatch.GetTimestamp();
        var outcome = "failed";
        long? bytes = null;
        try
        {
            var executed = await next();
            outcome = OutcomeOf(http, executed.ExceptionHandled ? null : executed.Exception);
            if (outcome is "served" or "partial" && !HttpMethods.IsHead(http.Request.Method))
            {
                bytes = http.Response.ContentLength;
            }
        }
        catch (Exception ex)
        {
            outcome = OutcomeOf(http, ex);
            throw;
        }
        finally
        {
            metrics.DownloadEnded(route, outcome, startedAt, bytes);
        }
    }

    private static string OutcomeOf(HttpContext http, Exception? exception) =>
        http.RequestAborted.IsCancellationRequested ? "aborted" : exception switch
        {
            null => http.Response.StatusCode switch
            {
                StatusCodes.Status200OK => "served",
                StatusCodes.Status206PartialContent => "partial",
                StatusCodes.Status304NotModified => "not_modified",
                StatusCodes.Status404NotFound => "not_found",
                StatusCodes.Status416RangeNotSatisfiable => "range_not_satisfiable",
                >= 500 => "failed",
                _ => "refused",
            },
            NotFoundException => "not_found",
            ValidationException => "refused",
            _ => "failed",
        };
}
