using FluentValidation.Results;

namespace PersonaMedia.Application.UnitTests.Support;

internal static class ValidationAssert
{
    /// <summary>Exactly one field failed, under its JSON (snake_case) name, and its message names it too.</summary>
    public static void OnlyFieldFails(ValidationResult result, string field)
    {
        var fields = result.Errors.Select(e => e.PropertyName).Distinct().ToArray();
        Assert.That(fields, Is.EqualTo(new[] { field }), Describe(result));
        Assert.That(result.Errors.Select(e => e.ErrorMessage), Has.All.Contain($"'{field}'"));
    }

    public static void Passes(ValidationResult result) =>
        Assert.That(result.IsValid, Is.True, Describe(result));

    private static string Describe(ValidationResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
}
