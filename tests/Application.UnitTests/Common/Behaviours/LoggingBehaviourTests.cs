using Mediator;
using Microsoft.Extensions.Logging;
using PersonaMedia.Application.Common.Behaviours;

namespace PersonaMedia.Application.UnitTests.Common.Behaviours;

public class LoggingBehaviourTests
{
    private CapturingLogger _logger = null!;
    private LoggingBehaviour<Ping, string> _behaviour = null!;
    private ManualClock _clock = null!;

    [SetUp]
    public void CreateBehaviour()
    {
        _logger = new CapturingLogger();
        _clock = new ManualClock();
        _behaviour = new LoggingBehaviour<Ping, string>(_logger, _clock);
    }

    [Test]
    public async Task A_handled_message_is_logged_by_name_with_its_time_and_success()
    {
        var response = await _behaviour.Handle(new Ping(), (_, _) => ValueTask.FromResult("pong"), CancellationToken.None);

        Assert.That(response, Is.EqualTo("pong"));
        var entry = _logger.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(entry.Values["Message"], Is.EqualTo(nameof(Ping)));
            Assert.That(entry.Values["Succeeded"], Is.True);
            Assert.That((double)entry.Values["ElapsedMs"]!, Is.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public async Task A_failing_message_is_logged_as_not_succeeded_and_its_exception_passes_through()
    {
        var thrown = new InvalidOperationException("boom");

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await _behaviour.Handle(new Ping(), (_, _) => throw thrown, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(caught, Is.SameAs(thrown));
            Assert.That(_logger.Entries.Single().Values["Succeeded"], Is.False);
        });
    }

    [Test]
    public async Task A_message_slower_than_half_a_second_is_a_warning_with_its_elapsed_time()
    {
        await _behaviour.Handle(
            new Ping(),
            (_, _) =>
            {
                _clock.Advance(TimeSpan.FromMilliseconds(600));
                return ValueTask.FromResult("late");
            },
            CancellationToken.None);

        var entry = _logger.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That((double)entry.Values["ElapsedMs"]!, Is.EqualTo(600).Within(0.001));
            Assert.That(entry.Values["Message"], Is.EqualTo(nameof(Ping)));
        });
    }

    public sealed record Ping : ICommand<string>;

    /// <summary>Time that moves only when a test moves it.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _timestamp;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _timestamp;

        public void Advance(TimeSpan by) => _timestamp += by.Ticks;
    }

    /// <summary>Keeps each entry's level and structured values, as a log sink would see them.</summary>
    private sealed class CapturingLogger : ILogger<LoggingBehaviour<Ping, string>>
    {
        public List<(LogLevel Level, IReadOnlyDictionary<string, object?> Values)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            Entries.Add((logLevel, values));
        }
    }
}
