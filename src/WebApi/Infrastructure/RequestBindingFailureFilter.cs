using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PersonaMedia.Application.Common.Exceptions;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// MVC's model-state filter is off, so the rules live in one place (the validators). What remains
/// for MVC is input that could not be read at all, such as malformed JSON or a missing body; this
/// turns those binding failures into the same 400 validation problem, keyed by the JSON field.
/// </summary>
internal sealed class RequestBindingFailureFilter : IActionFilter
{
    public const string BodyField = "body";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid)
        {
            return;
        }

        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var jsonErrors = context.ModelState.Keys.Any(key => key.StartsWith('$'));

        var failures = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => entry.Key switch
            {
                // The JSON could not be parsed, or a value has the wrong type.
                var key when key.StartsWith('$') => new ValidationFailure(
                    FieldName(key), "The request body is not valid JSON, or this value has the wrong type."),
                // The body parameter itself: a consequence of a JSON error, or no body at all.
                var key when bodyParameters.Contains(key) => jsonErrors
                    ? null
                    : new ValidationFailure(BodyField, "A JSON request body is required."),
                // A query or route value that is not of its type, e.g. limit=abc.
                var key => new ValidationFailure(key, entry.Value!.Errors[0].ErrorMessage),
            })
            .OfType<ValidationFailure>();
        throw new ValidationException(failures);
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>"$.name" becomes "name"; the body as a whole ("$") becomes "body".</summary>
    private static string FieldName(string key) =>
        key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : BodyField;
}
