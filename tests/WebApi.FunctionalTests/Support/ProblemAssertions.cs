using System.Net;
using System.Text.Json;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

public static class ProblemAssertions
{
    /// <summary>Asserts a problem+json answer with the status, a detail containing the text, and returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(
        this HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        });
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        if (detailContains is not null)
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(detailContains).IgnoreCase, body);
        }

        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name the field.</summary>
    public static async Task<JsonElement> AssertValidationProblemAsync(
        this HttpResponseMessage response, string field, string? detailContains = null)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, detailContains);
        Assert.That(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            Is.True, $"errors should name '{field}': {problem}");
        return problem;
    }
}
