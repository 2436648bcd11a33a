using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

public static class Json
{
    /// <summary>UTC ISO 8601 as the original service wrote it: date, 'T', time, optional fraction, 'Z'.</summary>
    public const string UtcIsoPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$";

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode}: {body}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The member names of a JSON object, in order.</summary>
    public static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>Asserts the member is a UTC ISO 8601 time ending in Z, and returns it.</summary>
    public static DateTimeOffset UtcTime(JsonElement element, string name)
    {
        var text = element.GetProperty(name).GetString();
        Assert.That(text, Does.Match(UtcIsoPattern), name);
        return DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture);
    }

    /// <summary>Posts raw text with the given content type, for bodies a typed client would refuse to send.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(
        HttpClient client, HttpMethod method, string path, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);
}
