using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Delivery;
using PersonaMedia.Infrastructure.Delivery;

namespace PersonaMedia.Infrastructure.IntegrationTests.Delivery;

/// <summary>
/// The signed media URL token: HMAC-SHA256 over what it grants, under keys of its own that rotate
/// (the first signs, all verify), and settings refused at start like the JWT key's.
/// </summary>
public class MediaUrlSignerTests
{
    private const string OldKey = "old-media-url-signing-key-4f7c2a9e1b8d3f60";
    private const string NewKey = "new-media-url-signing-key-9a1e5c7b3d2f8e04";

    private static readonly MediaUrlGrant Grant = new(
        42, MediaVariant.Original, MediaDisposition.Inline, DateTimeOffset.FromUnixTimeSeconds(1_900_000_000));

    private static HmacMediaUrlSigner Signer(params string[] keys) =>
        new([.. keys.Select(k => Encoding.UTF8.GetBytes(k))], TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(3600));

    [Test]
    public void A_token_reads_back_as_its_grant()
    {
        var signer = Signer(NewKey);

        Assert.That(signer.Read(signer.Sign(Grant)), Is.EqualTo(Grant));
        Assert.That(signer.Read(signer.Sign(Grant with { Disposition = MediaDisposition.Attachment })),
            Is.EqualTo(Grant with { Disposition = MediaDisposition.Attachment }));
    }

    [Test]
    public void After_a_rotation_urls_signed_with_the_old_key_still_work_until_it_is_removed()
    {
        var before = Signer(OldKey).Sign(Grant);
        var rotated = Signer(NewKey, OldKey);
        var afterRemoval = Signer(NewKey);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.Read(before), Is.EqualTo(Grant), "the old key still verifies");
            Assert.That(afterRemoval.Read(before), Is.Null, "a removed key no longer verifies");
            Assert.That(afterRemoval.Read(rotated.Sign(Grant)), Is.EqualTo(Grant), "the first key signs");
        });
    }

    [Test]
    public void Changing_any_byte_of_a_token_makes_it_unreadable()
    {
        var signer = Signer(NewKey);
        var bytes = Base64Url.DecodeFromChars(signer.Sign(Grant));

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            Assert.That(signer.Read(Base64Url.EncodeToString(tampered)), Is.Null, $"byte {i} changed");
        }

        Assert.That(signer.Read(Base64Url.EncodeToString(bytes.AsSpan(0, bytes.Length - 1))), Is.Null, "cut short");
        Assert.That(signer.Read(""), Is.Null);
        Assert.That(signer.Read(new string('A', 200)), Is.Null);
    }

    [Test]
    public void Any_last_character_is_read_without_throwing_and_only_the_signed_one_reads()
    {
        // The last character carries 4 bits of the MAC and 2 unused bits: a decoder may throw for those.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.~ ";
        var signer = Signer(NewKey);
        for (var fileId = 0; fileId < 64; fileId++)
        {
            var token = signer.Sign(Grant with { FileId = fileId });
            foreach (var last in alphabet)
            {
                var changed = token[..^1] + last;
                Assert.That(signer.Read(changed), changed == token ? Is.Not.Null : Is.Null, changed);
            }
        }
    }

    [Test]
    public void The_token_carries_the_grant_and_its_mac_and_nothing_else()
    {
        var bytes = Base64Url.DecodeFromChars(Signer(NewKey).Sign(Grant));

        // Version, file id, variant, disposition, expiry, then 32 bytes of HMAC-SHA256: no storage key, user or name.
        Assert.That(bytes, Has.Length.EqualTo(1 + 4 + 1 + 1 + 8 + 32));
    }

    [Test]
    public void In_development_without_a_key_one_is_derived_that_differs_from_the_jwt_key()
    {
        using var services = Build("Development", new Dictionary<string, string?>());
        var signer = services.GetRequiredService<IMediaUrlSigner>();

        Assert.That(signer.Read(signer.Sign(Grant)), Is.EqualTo(Grant));
        Assert.That(Signer(JwtKey).Read(signer.Sign(Grant)), Is.Null, "the JWT key itself does not verify media URLs");
    }

    [Test]
    public void Outside_development_a_missing_key_stops_the_start_and_says_how_to_set_it()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build("Production", new Dictionary<string, string?>()).Dispose());

        Assert.That(ex!.Message, Does.Contain("Media:UrlSigningKeys is not configured").And.Contain("Media__UrlSigningKeys__0"));
    }

    [TestCase("short-key", "is 9 bytes; it must be at least 32 bytes")]
    [TestCase("change-me-to-another-random-key-of-at-least-32-bytes", "is a placeholder from the examples")]
    [TestCase("abababababababababababababababababab", "distinct bytes")]
    public void A_weak_key_stops_the_start_naming_which(string key, string reason)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build("Production", new Dictionary<string, string?>
        {
            ["Media:UrlSigningKeys:0"] = NewKey,
            ["Media:UrlSigningKeys:1"] = key,
        }).Dispose());

        Assert.That(ex!.Message, Does.Contain("Media:UrlSigningKeys:1").And.Contain(reason));
    }

    [TestCase("Media:UrlMaxExpirySeconds", "0", "Media:UrlMaxExpirySeconds 0 must lie between 1 and 86400")]
    [TestCase("Media:UrlDefaultExpirySeconds", "7200", "Media:UrlDefaultExpirySeconds 7200 must lie between 1 and Media:UrlMaxExpirySeconds (3600)")]
    [TestCase("Media:CrossOriginResourcePolicy", "anyone", "must be one of same-site, same-origin, cross-origin")]
    [TestCase("Media:PublicBaseUrl", "media.example.com", "must be an absolute http or https URL")]
    public void A_wrong_setting_stops_the_start_naming_it(string setting, string value, string message)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build("Production", new Dictionary<string, string?>
        {
            ["Media:UrlSigningKeys:0"] = NewKey,
            [setting] = value,
        }).Dispose());

        Assert.That(ex!.Message, Does.Contain(message));
    }

    [Test]
    public void Configured_lifetimes_reach_the_signer()
    {
        using var services = Build("Production", new Dictionary<string, string?>
        {
            ["Media:UrlSigningKeys:0"] = NewKey,
            ["Media:UrlDefaultExpirySeconds"] = "60",
            ["Media:UrlMaxExpirySeconds"] = "600",
        });
        var signer = services.GetRequiredService<IMediaUrlSigner>();

        Assert.That((signer.DefaultLifetime, signer.MaxLifetime), Is.EqualTo((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(600))));
    }

    private const string JwtKey = "media-url-tests-jwt-signing-key-7e3b9c1a5d";

    private static ServiceProvider Build(string environment, Dictionary<string, string?> settings)
    {
        var contentRoot = Directory.CreateTempSubdirectory("personamedia-urls-").FullName;
        settings["Jwt:SigningKey"] = JwtKey;
        settings["Storage:Local:RootPath"] = Path.Combine(contentRoot, "uploads");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(configuration, new TestHostEnvironment(environment, contentRoot))
            .BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            services.Dispose();
            throw;
        }

        return services;
    }

    private sealed class TestHostEnvironment(string environment, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environment;
        public string ApplicationName { get; set; } = "PersonaMedia.Tests";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
