using FluentValidation.Results;

namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>The request broke one or more rules; <see cref="Errors"/> maps each field to its messages.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more validation errors occurred.")
    {
        Errors = failures
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
    }

    public ValidationException(string field, string message)
        : this([new ValidationFailure(field, message)])
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>One line for the problem's <c>detail</c>: the first message, or all of them.</summary>
    public string Detail => string.Join(" ", Errors.Values.SelectMany(m => m));
}
