using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Auth;

/// <summary><c>Jwt:SigningKeys</c>: the first key signs (its id in <c>kid</c>), every listed key validates, a dropped one no longer does.</summary>
public class SigningKeyRotationTests
{
    private const string NewKey = "rotation-tests-new-signing-key-Qm2xV9pL4sT8wB3n";

    [Test]
    public async Task The_first_key_signs_and_the_old_one_still_validates_until_it_is_dropped()
    {
        string oldToken;
        await using (var rotating = new TestApp(new Dictionary<string, string?> { ["Jwt:SigningKeys:0"] = NewKey }))
        {
            // Jwt:SigningKey (the test app's old key) still validates, after the list.
            var user = await rotating.CreateUserAsync();
            oldToken = Tokens.Create(user.Id.ToString(CultureInfo.InvariantCulture), securityStamp: Tokens.SecurityStampOf(user.Token));

            Assert.Multiple(async () =>
            {
                Assert.That(new JsonWebToken(user.Token).Kid, Is.EqualTo(KeyId(NewKey)), "issued under the first key");
                Assert.That(await MeAsync(rotating, user.Token), Is.EqualTo(HttpStatusCode.OK));
                Assert.That(await MeAsync(rotating, oldToken), Is.EqualTo(HttpStatusCode.OK), "a token of the old key");
                Assert.That(await MeAsync(rotating, Tokens.Create(user.Id.ToString(CultureInfo.InvariantCulture),
                    signingKey: "a-key-nobody-configured-Z8wB3nR6yH1cF5jD0gZa", securityStamp: Tokens.SecurityStampOf(user.Token))),
                    Is.EqualTo(HttpStatusCode.Unauthorized));
            });
        }

        await using var rotated = new TestApp(new Dictionary<string, string?> { ["Jwt:SigningKey"] = null, ["Jwt:SigningKeys:0"] = NewKey });
        var other = await rotated.CreateUserAsync();
        var oldKeyToken = Tokens.Create(other.Id.ToString(CultureInfo.InvariantCulture), securityStamp: Tokens.SecurityStampOf(other.Token));

        Assert.That(await MeAsync(rotated, other.Token), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await MeAsync(rotated, oldKeyToken), Is.EqualTo(HttpStatusCode.Unauthorized), "the old key was dropped");
    }

    [Test]
    public void A_weak_key_in_the_list_stops_the_start_naming_its_index()
    {
        using var app = new TestApp(new Dictionary<string, string?> { ["Jwt:SigningKeys:0"] = NewKey, ["Jwt:SigningKeys:1"] = new string('a', 40) });

        var error = Assert.Catch(() => _ = app.Server);

        Assert.That(error!.ToString(), Does.Contain("Jwt:SigningKeys:1").And.Contain("Jwt__SigningKeys__1"));
    }

    private static string KeyId(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);

    private static async Task<HttpStatusCode> MeAsync(TestApp app, string token)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/auth/me");
        return response.StatusCode;
    }
}
