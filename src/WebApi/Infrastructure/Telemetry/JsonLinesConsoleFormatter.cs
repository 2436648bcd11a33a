using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace PersonaMedia.WebApi.Infrastructure.Telemetry;

/// <summary>
/// One JSON object per line, for a log collector: time, level, category, event, message, the trace and
/// span ids of the request it belongs to, the message's named values, the exception. Chosen with
/// <c>Logging:Console:FormatterName=json-lines</c> (the default outside Development).
/// </summary>
/// <remarks>
/// Not the framework's <c>json</c> formatter: with scopes on, that one writes the hosting scope's
/// <c>RequestPath</c> into every line of a request, and the path of a signed media URL is its
/// credential. Here the only scope values kept are the request and connection ids, and every string
/// passes <see cref="LogRedaction"/>.
/// </remarks>
internal sealed class JsonLinesConsoleFormatter(IOptionsMonitor<JsonLinesFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "json-lines";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Messages stay readable (quotes, apostrophes, non-ASCII names); the output is a log, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly string[] ScopeKeys = ["RequestId", "ConnectionId"];

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            var current = options.CurrentValue;
            var now = current.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            json.WriteString("timestamp", now.ToString(current.TimestampFormat ?? "O", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                json.WriteNumber("event_id", logEntry.EventId.Id);
            }

            if (logEntry.EventId.Name is { } eventName)
            {
                json.WriteString("event", eventName);
            }

            json.WriteString("message", LogRedaction.Redact(message ?? ""));

            // The console logger formats on the logging thread, so the request's activity is current here.
            if (Activity.Current is { } activity)
            {
                json.WriteString("trace_id", activity.TraceId.ToHexString());
                json.WriteString("span_id", activity.SpanId.ToHexString());
            }

            if (current.IncludeScopes && scopeProvider is not null)
            {
                scopeProvider.ForEachScope(static (scope, writer) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    {
                        foreach (var (key, value) in values)
                        {
                            if (Array.IndexOf(ScopeKeys, key) >= 0 && value is not null)
                            {
                                writer.WriteString(ToSnakeCase(key), LogRedaction.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                            }
                        }
                    }
                }, json);
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> state && state.Count > 1)
            {
                json.WriteStartObject("state");
                foreach (var (key, value) in state)
                {
                    if (key != "{OriginalFormat}")
                    {
                        WriteValue(json, key, value);
                    }
                }

                json.WriteEndObject();
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", LogRedaction.Redact(exception.ToString()));
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ushort:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<string> strings:
                json.WriteStartArray(key);
                foreach (var item in strings)
                {
                    json.WriteStringValue(LogRedaction.Redact(item));
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteString(key, LogRedaction.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    private static string ToSnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
