using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Filters;
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

        var jsonErrors = context.ModelState.Keys.Where(key => key.StartsWith('$')).ToList();
        var failures = jsonErrors.Count > 0
            ? jsonErrors.Select(key => new ValidationFailure(FieldName(key), "The request body is not valid JSON, or this value has the wrong type."))
            : context.ModelState
                .Where(entry => entry.Value is { Errors.Count: > 0 })
                .Select(entry => new ValidationFailure(BodyField, "A JSON request body is required."));
        throw new ValidationException(failures);
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>"$.name" becomes "name"; the body as a whole ("$") becomes "body".</summary>
    private static string FieldName(string key) =>
        key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : BodyField;
}
