using System.Net;
using System.Net.Http.Json;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Infrastructure;

/// <summary>Browser front-ends on a configured origin may call the API and read the headers they need.</summary>
public class CorsTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private const string UnknownOrigin = "https://evil.example.net";
    private static readonly string[] FrontEndHeaders =
        ["X-Total-Count", "Link", "Content-Disposition", "ETag", "Content-Range", "Accept-Ranges", "Idempotent-Replayed", "Retry-After"];

    private static HttpRequestMessage Preflight(string origin, string method, string path = "/personas/") => new(HttpMethod.Options, path)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", method },
            { "Access-Control-Request-Headers", "authorization,content-type" },
        },
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Preflight_from_the_configured_origin_is_allowed(string method)
    {
        var response = await App.CreateClient().SendAsync(Preflight(TestApp.AllowedOrigin, method));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.InRange(200, 299));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(TestApp.AllowedOrigin));
            Assert.That(Header(response, "Access-Control-Allow-Methods"), Does.Contain(method));
            Assert.That(Header(response, "Access-Control-Allow-Headers")?.ToLowerInvariant(), Does.Contain("authorization").And.Contain("content-type"));
        });
    }

    [Test]
    public async Task Responses_to_the_configured_origin_expose_the_headers_front_ends_read()
    {
        var user = await App.CreateUserAsync("browser");
        var request = new HttpRequestMessage(HttpMethod.Get, "/personas/") { Headers = { { "Origin", TestApp.AllowedOrigin } } };

        var response = await user.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(TestApp.AllowedOrigin));
        var exposed = (Header(response, "Access-Control-Expose-Headers") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        Assert.That(exposed, Is.SupersetOf(FrontEndHeaders).Using((IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase));
    }

    [Test]
    public async Task Error_answers_to_the_configured_origin_carry_the_cors_headers_so_the_browser_can_read_them()
    {
        var client = App.CreateClient();
        var unauthenticated = new HttpRequestMessage(HttpMethod.Get, "/auth/me") { Headers = { { "Origin", TestApp.AllowedOrigin } } };
        var invalid = new HttpRequestMessage(HttpMethod.Post, "/auth/register")
        {
            Headers = { { "Origin", TestApp.AllowedOrigin } },
            Content = JsonContent.Create(new { email = "nope" }),
        };

        var unauthorized = await client.SendAsync(unauthenticated);
        var badRequest = await client.SendAsync(invalid);

        await ProblemAssert.IsProblemAsync(unauthorized, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(badRequest, HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(Header(unauthorized, "Access-Control-Allow-Origin"), Is.EqualTo(TestApp.AllowedOrigin));
            Assert.That(Header(badRequest, "Access-Control-Allow-Origin"), Is.EqualTo(TestApp.AllowedOrigin));
        });
    }

    [Test]
    public async Task Preflight_from_an_unknown_origin_gets_no_cors_headers()
    {
        var response = await App.CreateClient().SendAsync(Preflight(UnknownOrigin, "POST"));

        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
            Assert.That(Header(response, "Access-Control-Allow-Methods"), Is.Null);
            Assert.That(Header(response, "Access-Control-Allow-Headers"), Is.Null);
        });
    }

    [Test]
    public async Task Requests_from_an_unknown_origin_get_no_cors_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { "Origin", UnknownOrigin } } };

        var response = await App.CreateClient().SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
            Assert.That(Header(response, "Access-Control-Expose-Headers"), Is.Null);
        });
    }
}
