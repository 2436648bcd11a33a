using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.WebApi.FunctionalTests.Support;
using PersonaMedia.WebApi.Infrastructure;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// <c>RateLimiting:UploadsPerUser</c>: upload requests and upload bytes per user and hour. Past either,
/// 429 problem+json with <c>Retry-After</c> before the body is read, nothing stored, counted by the
/// upload metric; another user is not affected.
/// </summary>
public class UploadsPerUserTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private const int Requests = 3;

    /// <summary>Two uploads of the largest body.</summary>
    private const long Bytes = 2 * UploadFormLimits.MaxRequestBodyBytes;

    protected override IReadOnlyDictionary<string, string?> OwnAppSettings => new Dictionary<string, string?>
    {
        ["RateLimiting:UploadsPerUser:RequestsPerHour"] = $"{Requests}",
        ["RateLimiting:UploadsPerUser:BytesPerHour"] = $"{Bytes}",
    };

    [Test]
    public async Task Uploads_past_the_requests_of_the_hour_are_429_with_retry_after_and_store_nothing()
    {
        var (user, persona) = await UserWithPersonaAsync();
        for (var i = 0; i < Requests; i++)
        {
            await Upload(user, persona, 2000).UploadOkAsync();
        }

        using var counter = new RateLimitedUploads();
        using var refused = await Upload(user, persona, 2000);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "Too many uploads in this hour");
        Assert.That(refused.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 3600));
        Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync(f => f.UserId == user.Id)), Is.EqualTo(Requests));
        Assert.That(counter.Count, Is.EqualTo(1), "counted by personamedia.uploads as refused, rate_limited");
        var (other, otherPersona) = await UserWithPersonaAsync();
        await Upload(other, otherPersona, 2000).UploadOkAsync();
    }

    [Test]
    public async Task Uploads_past_the_bytes_of_the_hour_are_429_before_the_body_is_read()
    {
        var (user, persona) = await UserWithPersonaAsync();
        // Two of about 10 MiB leave less than 128 KiB of the hour's bytes.
        await Upload(user, persona, 10 * 1024 * 1024 - 4096).UploadOkAsync();
        await Upload(user, persona, 10 * 1024 * 1024 - 4096).UploadOkAsync();

        using var refused = await Upload(user, persona, 200_000);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "Too many upload bytes in this hour");
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(await App.QueryAsync(db => db.MediaFiles.CountAsync(f => f.UserId == user.Id)), Is.EqualTo(2));
        using var small = await Upload(user, persona, 2000);
        Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a refusal for bytes used none of the requests; a small one still fits");
    }

    private async Task<(UserClient User, int Persona)> UserWithPersonaAsync()
    {
        var user = await App.CreateUserAsync();
        return (user, await user.CreatePersonaAsync());
    }

    private static Task<HttpResponseMessage> Upload(UserClient user, int persona, int bytes) =>
        user.Http.PostAsync(Uploads.ImageUrl(persona), Uploads.Form(FormPart.File(Payloads.Jpeg(bytes), "a.jpg", "image/jpeg")));
}
