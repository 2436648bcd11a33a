using Mediator;
using Microsoft.Extensions.Logging;

namespace PersonaMedia.Application.Common.Behaviours;

/// <summary>Logs each message with how long its validation and handling took; slow ones as warnings.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger,
    TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var succeeded = false;
        try
        {
            var response = await next(message, cancellationToken);
            succeeded = true;
            return response;
        }
        finally
        {
            var elapsed = clock.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                LogSlow(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds, succeeded);
            }
            else
            {
                LogHandled(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds, succeeded);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Message} in {ElapsedMs:0.0} ms (succeeded: {Succeeded})")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMs, bool succeeded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow {Message}: {ElapsedMs:0.0} ms (succeeded: {Succeeded})")]
    private static partial void LogSlow(ILogger logger, string message, double elapsedMs, bool succeeded);
}
