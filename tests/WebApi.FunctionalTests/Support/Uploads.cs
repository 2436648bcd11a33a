using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>One part of a hand-built multipart form, so tests control names, order and headers.</summary>
public sealed record FormPart(string Name, HttpContent Content)
{
    public static FormPart File(byte[] bytes, string fileName, string? contentType = "application/octet-stream", string name = "file") =>
        File(new ByteArrayContent(bytes), fileName, contentType, name);

    public static FormPart File(HttpContent content, string fileName, string? contentType, string name = "file")
    {
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{name}\"",
            FileName = $"\"{fileName}\"",
        };
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return new FormPart(name, content);
    }

    public static FormPart Field(string name, string value) => new(name, new StringContent(value));
}

public static class Uploads
{
    public static string ImageUrl(int personaId) => $"/upload/persona/{personaId}/image";

    public static string VideoUrl(int personaId) => $"/upload/persona/{personaId}/video";

    public static MultipartFormDataContent Form(params FormPart[] parts)
    {
        var form = new MultipartFormDataContent("test-boundary-5f2c");
        foreach (var part in parts)
        {
            if (part.Content.Headers.ContentDisposition is null)
            {
                form.Add(part.Content, part.Name);
            }
            else
            {
                form.Add(part.Content);
            }
        }

        return form;
    }

    public static Task<HttpResponseMessage> UploadImageAsync(
        this UserClient user, int personaId, byte[] bytes, string fileName = "photo.jpg", string? description = null) =>
        user.Http.PostAsync(ImageUrl(personaId), FormWith(bytes, fileName, ImageContentType(fileName), description));

    public static Task<HttpResponseMessage> UploadVideoAsync(
        this UserClient user, int personaId, byte[] bytes, string fileName = "clip.mp4", string? description = null) =>
        user.Http.PostAsync(VideoUrl(personaId), FormWith(bytes, fileName, "video/mp4", description));

    /// <summary>Uploads and returns the media file JSON, failing the test unless the answer is 200.</summary>
    public static async Task<JsonElement> UploadOkAsync(this Task<HttpResponseMessage> upload)
    {
        using var response = await upload;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>What a browser would declare for the name.</summary>
    private static string ImageContentType(string fileName) =>
        fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg";

    private static MultipartFormDataContent FormWith(byte[] bytes, string fileName, string contentType, string? description) =>
        description is null
            ? Form(FormPart.File(bytes, fileName, contentType))
            : Form(FormPart.Field("description", description), FormPart.File(bytes, fileName, contentType));
}
