namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>The system clock moved by a fixed offset: "two days later" for the reconciler and the retrier.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
