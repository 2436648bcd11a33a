namespace PersonaMedia.Domain.Common;

internal static class Guard
{
    public static string RequiredText(string? value, int maxLength, string name, string? field = null) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new DomainException($"{name} is required.", field)
            : OptionalText(value, maxLength, name, field)!;

    public static string? OptionalText(string? value, int maxLength, string name, string? field = null) =>
        value is not null && value.Length > maxLength
            ? throw new DomainException($"{name} must be at most {maxLength} characters.", field)
            : value;

    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new DomainException("Times must be UTC.");

    /// <summary>
    /// The one rule for <c>UpdatedAt</c> on every entity: a change moves it forward, to the clock's
    /// time or, when the clock has not moved past the last change, one tick beyond it.
    /// </summary>
    public static DateTime Advanced(DateTime previous, DateTime now) => now > previous ? now : previous.AddTicks(1);
}
