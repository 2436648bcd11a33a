using System.Net;
using System.Text.Json;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>Fluent forms of <see cref="ProblemAssert"/> for the media tests, with a check of the detail's wording.</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts a full problem+json answer with the status and a detail containing the text; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(
        this HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, status);
        if (detailContains is not null)
        {
            Assert.That(ProblemAssert.Detail(problem), Does.Contain(detailContains).IgnoreCase);
        }

        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name the field, and whose detail contains the text.</summary>
    public static async Task AssertValidationProblemAsync(
        this HttpResponseMessage response, string field, string? detailContains = null)
    {
        var messages = await ProblemAssert.IsValidationProblemAsync(response, field);
        if (detailContains is not null)
        {
            Assert.That(messages, Has.Some.Contain(detailContains).IgnoreCase);
        }
    }
}
