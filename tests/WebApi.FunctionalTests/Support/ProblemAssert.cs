using System.Net;
using System.Text.Json;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>Checks that an error answer is RFC 9457 problem+json with everything SPEC promises.</summary>
public static class ProblemAssert
{
    public const string ContentType = "application/problem+json";

    /// <summary>Asserts status, content type and the type/title/status/detail members; returns the body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ContentType), body);

        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Multiple(() =>
        {
            Assert.That(Text(problem, "type"), Is.Not.Empty, body);
            Assert.That(Text(problem, "title"), Is.Not.Empty, body);
            Assert.That(Text(problem, "detail"), Is.Not.Empty, body);
            Assert.That(problem.TryGetProperty("status", out var s) ? s.GetInt32() : 0, Is.EqualTo((int)status), body);
        });
        return problem;
    }

    /// <summary>A 400 validation problem whose <c>errors</c> names <paramref name="field"/>; returns its messages.</summary>
    public static async Task<string[]> IsValidationProblemAsync(HttpResponseMessage response, string field)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.TryGetProperty("errors", out var errors), Is.True, $"no errors member: {problem}");
        Assert.That(errors.TryGetProperty(field, out var messages), Is.True, $"errors does not name '{field}': {errors}");
        var texts = messages.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray();
        Assert.That(texts, Is.Not.Empty.And.All.Not.Empty);
        return texts;
    }

    public static string Detail(JsonElement problem) => Text(problem, "detail");

    /// <summary>Asserts a full problem+json answer with the status and a detail containing the text; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(
        this HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        var problem = await IsProblemAsync(response, status);
        if (detailContains is not null)
        {
            Assert.That(Detail(problem), Does.Contain(detailContains).IgnoreCase);
        }

        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name the field, and whose detail contains the text.</summary>
    public static async Task AssertValidationProblemAsync(
        this HttpResponseMessage response, string field, string? detailContains = null)
    {
        var messages = await IsValidationProblemAsync(response, field);
        if (detailContains is not null)
        {
            Assert.That(messages, Has.Some.Contain(detailContains).IgnoreCase);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : string.Empty;
}
