using System.Text;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.Infrastructure.IntegrationTests.Identity;

public class SigningKeyProviderTests
{
    private string _dataDirectory = null!;

    [SetUp]
    public void CreateDataDirectory() =>
        _dataDirectory = Path.Combine(Directory.CreateTempSubdirectory("signing-key-").FullName, "data");

    [TearDown]
    public void DeleteDataDirectory() => Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);

    private string KeyFile => Path.Combine(_dataDirectory, SigningKeyProvider.DevelopmentKeyFileName);

    [TestCase(true)]
    [TestCase(false)]
    public void A_configured_key_is_used_as_is_and_nothing_is_written(bool isDevelopment)
    {
        const string configured = "k7Qm2xV9pL4sT8wB3nR6yH1cF5jD0gZa";

        var key = SigningKeyProvider.Resolve(new JwtOptions { SigningKey = configured }, isDevelopment, _dataDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(key.Key, Is.EqualTo(Encoding.UTF8.GetBytes(configured)));
            Assert.That(key.KeyId, Is.Not.Empty);
            Assert.That(Directory.Exists(_dataDirectory), Is.False);
        });
    }

    [Test]
    public void Outside_development_a_missing_key_is_refused_with_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeyProvider.Resolve(new JwtOptions(), false, _dataDirectory));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("Jwt:SigningKey").And.Contain("32 bytes"));
            Assert.That(File.Exists(KeyFile), Is.False);
        });
    }

    [TestCase("short")]
    [TestCase("   ")]
    public void A_key_under_32_bytes_is_refused_even_in_development(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => SigningKeyProvider.Resolve(new JwtOptions { SigningKey = configured }, true, _dataDirectory));

        Assert.That(error.Message, Does.Contain("at least 32 bytes"));
    }

    [Test]
    public void Bytes_not_characters_are_counted()
    {
        // 16 two-byte characters are 32 bytes: enough for HS256.
        var key = SigningKeyProvider.Resolve(new JwtOptions { SigningKey = "àáâãäåæçèéêëìíîï" }, false, _dataDirectory);

        Assert.That(key.Key, Has.Length.EqualTo(32));
    }

    [TestCase(SecretStrength.EnvExamplePlaceholder, "placeholder")]
    [TestCase("please-CHANGEME-before-going-live-0123456789", "placeholder")]
    [TestCase("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "one character repeated")]
    [TestCase("a random key with spaces in it, 0123456789", "whitespace")]
    [TestCase("Zx4k7Qm2xV9pL4sT8wB3nR6yH1cF5jD0gZa\n", "whitespace")]
    [TestCase("abababababababababababababababab9876", "distinct bytes")]
    [TestCase("0123456789abcdef0123456789abcdef", "repeats one sequence of 16 bytes")]
    public void A_key_that_is_not_secret_is_refused_saying_why(string configured, string reason)
    {
        var error = Assert.Throws<StartupFailureException>(
            () => SigningKeyProvider.Resolve(new JwtOptions { SigningKey = configured }, true, _dataDirectory));

        Assert.That(error.Message, Does.Contain("Jwt:SigningKey").And.Contain(reason).And.Contain("openssl rand"));
    }

    [TestCase("3f9a1c07d2b84e6f95a0c3d71b28e4f6a9c05d3e1f7b2a84c6d09e3f5a1b7c2d")]
    [TestCase("mJ1x0S8vYq3Hc7kRf2NwTb5LpA9eGu4ZiD6oKs+Ew/hQ=")]
    public void Random_keys_in_hex_or_base64_pass(string configured)
    {
        Assert.That(SigningKeyProvider.Resolve(new JwtOptions { SigningKey = configured }, false, _dataDirectory).Key, Has.Length.EqualTo(configured.Length));
    }

    [Test]
    public void In_development_a_missing_key_is_generated_once_and_then_read_back()
    {
        var first = SigningKeyProvider.Resolve(new JwtOptions(), true, _dataDirectory);
        var stored = File.ReadAllText(KeyFile);
        var second = SigningKeyProvider.Resolve(new JwtOptions(), true, _dataDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(first.Key, Has.Length.GreaterThanOrEqualTo(JwtOptions.MinimumKeyBytes));
            Assert.That(second.Key, Is.EqualTo(first.Key));
            Assert.That(File.ReadAllText(KeyFile), Is.EqualTo(stored));
        });
    }

    [Test]
    public void The_generated_key_file_is_readable_by_its_owner_only_and_no_temporary_file_is_left()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("Unix file modes do not exist on Windows.");
            return;
        }

        SigningKeyProvider.Resolve(new JwtOptions(), true, _dataDirectory);
        var fileMode = File.GetUnixFileMode(KeyFile);
        var folderMode = File.GetUnixFileMode(Path.GetDirectoryName(KeyFile)!);

        Assert.Multiple(() =>
        {
            Assert.That(fileMode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(folderMode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(Entries(_dataDirectory), Is.EqualTo([SigningKeyProvider.DevelopmentKeyFileName]));
        });
    }

    [Test]
    public void In_development_two_fresh_setups_get_different_keys()
    {
        var other = Path.Combine(Path.GetDirectoryName(_dataDirectory)!, "other-data");

        var first = SigningKeyProvider.Resolve(new JwtOptions(), true, _dataDirectory);
        var second = SigningKeyProvider.Resolve(new JwtOptions(), true, other);

        Assert.That(second.Key, Is.Not.EqualTo(first.Key));
    }

    [Test]
    public void A_stored_development_key_that_was_cut_short_is_refused_naming_the_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "too-short");

        var error = Assert.Throws<InvalidOperationException>(() => SigningKeyProvider.Resolve(new JwtOptions(), true, _dataDirectory));

        Assert.That(error.Message, Does.Contain(KeyFile));
    }

    [Test]
    public async Task Instances_starting_together_in_development_agree_on_one_key()
    {
        for (var round = 0; round < 20; round++)
        {
            var directory = Path.Combine(Path.GetDirectoryName(_dataDirectory)!, $"race-{round}");
            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 8)
                .Select(_ => Task.Run(() =>
                {
                    start.Wait();
                    return SigningKeyProvider.Resolve(new JwtOptions(), true, directory).Key;
                }))
                .ToArray();
            start.Set();

            var keys = await Task.WhenAll(racers);

            Assert.That(keys.Select(Convert.ToBase64String).Distinct().Count(), Is.EqualTo(1), $"round {round}");
            Assert.That(Entries(directory), Is.EqualTo([SigningKeyProvider.DevelopmentKeyFileName]),
                $"round {round}: the losers' staging folders are gone");
        }
    }

    /// <summary>Every file under <paramref name="directory"/>, as paths relative to it with '/'; folders only through their files.</summary>
    private static string[] Entries(string directory) =>
        [.. Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Where(entry => File.Exists(entry) || Directory.GetFileSystemEntries(entry).Length == 0)
            .Select(entry => Path.GetRelativePath(directory, entry).Replace(Path.DirectorySeparatorChar, '/'))];
}
