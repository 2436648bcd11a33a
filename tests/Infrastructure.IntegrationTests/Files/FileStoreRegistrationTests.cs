using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.Infrastructure.Telemetry;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

/// <summary><c>Storage:Provider</c> picks the store in one place, and wrong settings stop the start with their reason.</summary>
public class FileStoreRegistrationTests
{
    private const string AzuriteLikeConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private string _contentRoot = null!;

    [SetUp]
    public void CreateContentRoot() => _contentRoot = Directory.CreateTempSubdirectory("personamedia-di-").FullName;

    [TearDown]
    public void DeleteContentRoot() => Directory.Delete(_contentRoot, recursive: true);

    [Test]
    public async Task Without_a_provider_the_store_is_local_disk()
    {
        await using var services = Build(new Dictionary<string, string?>());

        // Timed, as every store.
        Assert.That(((InstrumentedFileStore)services.GetRequiredService<IFileStore>()).Inner, Is.TypeOf<LocalFileStore>());
        Assert.That(FileStoreHealthCheck(services), Is.TypeOf<LocalFileStoreHealthCheck>());
    }

    [TestCase("AzureBlob")]
    [TestCase("azureblob")]
    public async Task AzureBlob_with_a_connection_string_is_the_azure_store_in_the_configured_container(string provider)
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:AzureBlob:ConnectionString"] = AzuriteLikeConnectionString,
            ["Storage:AzureBlob:Container"] = "persona-media",
        });

        // Behind its deadline, as every remote store.
        var store = ((DeadlineFileStore)((InstrumentedFileStore)services.GetRequiredService<IFileStore>()).Inner).Inner;

        Assert.That(store, Is.TypeOf<AzureBlobFileStore>());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((AzureBlobFileStore)store).Container.Uri, Is.EqualTo(new Uri("http://127.0.0.1:10000/devstoreaccount1/persona-media")));
            Assert.That(services.GetServices<IHostedService>(), Has.One.TypeOf<AzureBlobContainerInitialiser>());
            Assert.That(FileStoreHealthCheck(services), Is.TypeOf<AzureBlobFileStoreHealthCheck>());
        }
    }

    [Test]
    public async Task AzureBlob_with_only_a_service_uri_uses_the_ambient_identity()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ServiceUri"] = "https://personamedia.blob.core.windows.net",
        });

        var store = (AzureBlobFileStore)((DeadlineFileStore)((InstrumentedFileStore)services.GetRequiredService<IFileStore>()).Inner).Inner;

        Assert.That(store.Container.Uri, Is.EqualTo(new Uri("https://personamedia.blob.core.windows.net/media")));
    }

    [TestCase("S3", "Storage:Provider 'S3' is not supported; use Local or AzureBlob.")]
    [TestCase("1", "Storage:Provider '1' is not supported; use Local or AzureBlob.")]
    public void An_unknown_provider_stops_the_start(string provider, string reason)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(new Dictionary<string, string?> { ["Storage:Provider"] = provider }));

        Assert.That(ex!.Message, Is.EqualTo(reason));
    }

    [Test]
    public void AzureBlob_without_a_connection_string_or_service_uri_stops_the_start()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(new Dictionary<string, string?> { ["Storage:Provider"] = "AzureBlob" }));

        Assert.That(ex!.Message, Does.Contain("Storage__AzureBlob__ConnectionString").And.Contain("Storage__AzureBlob__ServiceUri"));
    }

    [TestCase("Media_Files")]
    [TestCase("ab")]
    [TestCase("media--files")]
    public void AzureBlob_with_an_invalid_container_name_stops_the_start(string container)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = AzuriteLikeConnectionString,
            ["Storage:AzureBlob:Container"] = container,
        }));

        Assert.That(ex!.Message, Does.Contain($"Storage:AzureBlob:Container '{container}' is not a valid container name"));
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Jwt:SigningKey"] = "registration-tests-signing-key-of-more-than-32-bytes";
        settings["Media:UrlSigningKeys:0"] = "registration-tests-media-url-key-of-more-than-32-bytes";
        settings["Storage:Local:RootPath"] = Path.Combine(_contentRoot, "uploads");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(configuration, new TestHostEnvironment(_contentRoot))
            .BuildServiceProvider();
        try
        {
            // What the host does before it starts: every setting validated.
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            services.Dispose();
            throw;
        }

        return services;
    }

    private static IHealthCheck FileStoreHealthCheck(IServiceProvider services)
    {
        var registration = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Single(r => r.Name == "file-store");
        Assert.That(registration.Tags, Does.Contain(DependencyInjection.ReadyTag));
        return registration.Factory(services);
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "PersonaMedia.Tests";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
