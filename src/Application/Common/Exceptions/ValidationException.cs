using FluentValidation.Results;

namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The request broke one or more rules; <see cref="Errors"/> maps each field to its messages.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more validation errors occurred.")
    {
        var list = failures.ToList();
        Errors = list
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
        Codes = list.Select(f => f.ErrorCode).OfType<string>().Distinct().ToArray();
    }

    /// <param name="code">The rule's machine-readable name, for metrics (see <see cref="Codes"/>); null for none.</param>
    public ValidationException(string field, string message, string? code = null)
        : this([new ValidationFailure(field, message) { ErrorCode = code }])
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>
    /// The broken rules' error codes (FluentValidation's <c>ErrorCode</c>): never shown to clients, but
    /// counted, so the metrics can say which rule refused a request.
    /// </summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>One line for the problem's <c>detail</c>: the first message, or all of them.</summary>
    public string Detail => string.Join(" ", Errors.Values.SelectMany(m => m));
}
