namespace PersonaMedia.Domain.Common;

internal static class Guard
{
    public static string RequiredText(string? value, int maxLength, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new DomainException($"{name} is required.")
            : OptionalText(value, maxLength, name)!;

    public static string? OptionalText(string? value, int maxLength, string name) =>
        value is not null && value.Length > maxLength
            ? throw new DomainException($"{name} must be at most {maxLength} characters.")
            : value;

    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new DomainException("Times must be UTC.");
}
