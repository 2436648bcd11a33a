using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Media;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Domain.Common;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>
/// Counts an upload endpoint's every answer in <see cref="MediaMetrics"/>: outermost of its filters, so a
/// refusal before the body is read (shutting down, a declared length over the limit) is counted too.
/// The outcome is read from the exception the action ended with, before the exception handler turns
/// it into problem+json, or else from the status.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MeasureUploadAttribute(MediaType mediaType) : Attribute, IAsyncResourceFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public MediaType MediaType => mediaType;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var metrics = context.HttpContext.RequestServices.GetRequiredService<MediaMetrics>();
        var startedAt = Stopwatch.GetTimestamp();
        metrics.UploadStarted(mediaType);
        var outcome = UploadOutcome.Failed("error");
        long? stored = null;
        try
        {
            var executed = await next();
            outcome = OutcomeOf(context.HttpContext, executed.ExceptionHandled ? null : executed.Exception);
            if (outcome == UploadOutcome.Stored && executed.Result is ObjectResult { Value: MediaFileDto file })
            {
                stored = file.FileSize;
            }
        }
        catch (Exception ex)
        {
            outcome = OutcomeOf(context.HttpContext, ex);
            throw;
        }
        finally
        {
            metrics.UploadEnded(mediaType, outcome, startedAt, stored);
        }
    }

    private static UploadOutcome OutcomeOf(HttpContext http, Exception? exception)
    {
        if (http.RequestAborted.IsCancellationRequested)
        {
            return UploadOutcome.Aborted;
        }

        return exception switch
        {
            null => http.Response.StatusCode switch
            {
                < 300 when http.Response.Headers.ContainsKey(ApiHeaders.IdempotentReplayed) => UploadOutcome.Replayed,
                < 300 => UploadOutcome.Stored,
                StatusCodes.Status503ServiceUnavailable => UploadOutcome.Refused("shutting_down"),
                StatusCodes.Status413PayloadTooLarge => UploadOutcome.Refused(UploadRefusals.TooLarge),
                >= 500 => UploadOutcome.Failed("error"),
                _ => UploadOutcome.Refused("invalid"),
            },
            ValidationException validation => UploadOutcome.Refused(
                validation.Codes.FirstOrDefault(UploadRefusals.All.Contains) ?? "invalid"),
            PayloadTooLargeException => UploadOutcome.Refused(UploadRefusals.TooLarge),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => UploadOutcome.Refused(UploadRefusals.TooLarge),
            BadHttpRequestException => UploadOutcome.Refused(UploadRefusals.Malformed),
            DomainException => UploadOutcome.Refused("invalid"),
            NotFoundException => UploadOutcome.Refused("not_found"),
            ConflictException => UploadOutcome.Refused("conflict"),
            QuotaExceededException => UploadOutcome.Refused("quota"),
            TooManyRequestsException => UploadOutcome.RateLimited,
            UnprocessableRequestException => UploadOutcome.Refused(UploadRefusals.IdempotencyKeyReused),
            InsufficientStorageException => UploadOutcome.Refused("insufficient_storage"),
            ServiceUnavailableException => UploadOutcome.Failed("unavailable"),
            OperationCanceledException => UploadOutcome.Failed("timeout"),
            _ => UploadOutcome.Failed("error"),
        };
    }
}
