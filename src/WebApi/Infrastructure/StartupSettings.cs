using Microsoft.Extensions.Options;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>What Program says at start: the settings in use, or why it cannot start.</summary>
internal static partial class StartupSettings
{
    /// <summary>
    /// True when a <c>WebApplicationFactory</c> runs the entry point in-process: it learns of a
    /// refused start only through the exception, where an operator's process gets exit code 1.
    /// </summary>
    public static bool HostedByTestFactory =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.AspNetCore.Mvc.Testing");

    public static bool ContentRootGiven(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
        || args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase));

    /// <summary>The operator's problems behind a failed start, one line each; any other exception is one line too.</summary>
    public static IReadOnlyList<string> Problems(Exception ex) => ex switch
    {
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Problems).ToList(),
        StartupFailureException failure => [failure.Message],
        _ => [$"The service could not start: {ex.GetType().Name}: {ex.Message.Split('\n', 2)[0].Trim()}"],
    };

    public static void LogSettings(ILogger logger, IServiceProvider services)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var origins = services.GetRequiredService<IOptions<CorsSettings>>().Value.AllowedOrigins;
        var settings = services.DescribeInfrastructure();
        var allowed = origins.Length > 0 ? string.Join(' ', origins) : "none";
        LogSettingsLine(logger, settings, allowed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settings: {Settings}; CORS origins {Origins}")]
    private static partial void LogSettingsLine(ILogger logger, string settings, string origins);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    public static partial void LogProblem(ILogger logger, string problem);
}
