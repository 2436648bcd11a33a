namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// Log levels are read when the first logger is made, so a wrong one cannot be logged by the
/// logger it broke: it is checked before the host is built, and reported on standard error.
/// </summary>
internal static class LoggingSettings
{
    private static readonly string Levels = string.Join(", ", Enum.GetNames<LogLevel>());

    /// <summary>The first log level setting that is not a level's name, as one line that names it and the fix; or null.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.GetSection("Logging").AsEnumerable())
        {
            var segments = key.Split(':');
            if (value is null || !segments.Contains("LogLevel", StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var trimmed = value.Trim();
            if (trimmed.Length == 0 || char.IsAsciiDigit(trimmed[0]) || trimmed[0] == '-'
                || !Enum.TryParse<LogLevel>(trimmed, ignoreCase: true, out _))
            {
                return $"{key} '{value}' is not a log level: use one of {Levels} (set {key.Replace(":", "__", StringComparison.Ordinal)}).";
            }
        }

        return null;
    }
}
