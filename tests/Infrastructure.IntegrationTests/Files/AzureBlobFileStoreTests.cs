using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

/// <summary>What the Azure Blob store does beyond the port's contract: blob properties, blocks, retries, start-up, health.</summary>
[Category("Azurite")]
public class AzureBlobFileStoreTests
{
    private const int BlockSize = AzureBlobFileStoreOptions.MinBlockSize;

    private readonly List<BlobContainerClient> _containers = [];

    [OneTimeSetUp]
    public Task RequireAzurite() => Azurite.EnsureReachableAsync();

    [TearDown]
    public async Task DeleteContainers()
    {
        foreach (var container in _containers)
        {
            await container.DeleteIfExistsAsync();
        }

        _containers.Clear();
    }

    [Test]
    public async Task A_committed_blob_carries_its_content_type_and_sha256()
    {
        var store = await NewStoreAsync();
        var content = RandomNumberGenerator.GetBytes(150_000);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

        await SaveAsync(store, "7/9/a1b2.png", content, "image/png", sha256);

        var properties = (await store.Container.GetBlobClient("7/9/a1b2.png").GetPropertiesAsync()).Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(properties.ContentType, Is.EqualTo("image/png"));
            Assert.That(properties.ContentLength, Is.EqualTo(content.Length));
            Assert.That(properties.Metadata, Does.ContainKey(AzureBlobFileStore.Sha256MetadataKey).WithValue(sha256));
            Assert.That(properties.BlobType, Is.EqualTo(BlobType.Block));
        }
    }

    [Test]
    public async Task A_blob_deleted_after_it_was_opened_reads_as_a_missing_file_not_a_server_error()
    {
        var store = await NewStoreAsync();
        var content = RandomNumberGenerator.GetBytes(150_000);
        await SaveAsync(store, "7/9/gone.jpg", content, "image/jpeg", Convert.ToHexStringLower(SHA256.HashData(content)));
        await using var opened = await store.OpenReadAsync("7/9/gone.jpg", default);
        Assert.That(opened, Is.Not.Null);

        await store.DeleteAsync("7/9/gone.jpg", default);
        var failure = await Assert.CatchAsync(async () => await opened!.ReadExactlyAsync(new byte[4096]));

        Assert.That(new PersonaMedia.Infrastructure.Persistence.ProviderFaults().Translate(failure!),
            Is.TypeOf<PersonaMedia.Application.Common.Exceptions.NotFoundException>(), failure!.ToString());
    }

    [Test]
    public async Task Bytes_are_staged_as_blocks_while_they_arrive_and_only_one_partial_block_waits_in_memory()
    {
        var store = await NewStoreAsync();
        var content = RandomNumberGenerator.GetBytes(4 * BlockSize + 1_234);
        var blob = store.Container.GetBlockBlobClient("1/2/staged.mp4");

        await using (var upload = await store.BeginUploadAsync("1/2/staged.mp4", CancellationToken.None))
        {
            foreach (var chunk in content.Chunk(10_000))
            {
                await upload.WriteAsync(chunk, CancellationToken.None);
            }

            var staged = (await blob.GetBlockListAsync(BlockListTypes.Uncommitted)).Value.UncommittedBlocks.ToList();
            Assert.That(staged.Select(b => b.SizeLong), Is.EqualTo(Enumerable.Repeat((long)BlockSize, 4)));

            await upload.CommitAsync("video/mp4", Convert.ToHexStringLower(SHA256.HashData(content)), CancellationToken.None);
        }

        var committed = (await blob.GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.ToList();
        Assert.That(committed.Select(b => b.SizeLong), Is.EqualTo(new long[] { BlockSize, BlockSize, BlockSize, BlockSize, 1_234 }));
    }

    [Test]
    public async Task Transient_failures_are_retried_by_the_client_policy()
    {
        var faults = new FailEachRequestOnce();
        var container = Azurite.NewContainer(options => options.AddPolicy(faults, HttpPipelinePosition.PerRetry));
        _containers.Add(container);
        await new BlobContainerClient(Azurite.ConnectionString, container.Name).CreateAsync();
        var store = new AzureBlobFileStore(container, BlockSize);
        var content = RandomNumberGenerator.GetBytes(BlockSize + 10);

        await SaveAsync(store, "3/4/retried.jpg", content, "image/jpeg", Convert.ToHexStringLower(SHA256.HashData(content)));
        await using var whole = await store.OpenReadAsync("3/4/retried.jpg", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ReadToEndAsync(whole!), Is.EqualTo(content));
            Assert.That(await store.DeleteAsync("3/4/retried.jpg", CancellationToken.None), Is.True);
            // Two staged blocks, the commit, the read and the delete each failed once first.
            Assert.That(faults.Injected, Is.GreaterThanOrEqualTo(5));
        }
    }

    [Test]
    public async Task The_initialiser_creates_a_missing_container_and_tolerates_an_existing_one()
    {
        var container = Azurite.NewContainer();
        _containers.Add(container);
        var initialiser = NewInitialiser(container, createContainer: true);

        await initialiser.StartAsync(CancellationToken.None);
        Assert.That((await container.ExistsAsync()).Value, Is.True);

        await initialiser.StartAsync(CancellationToken.None);
        Assert.That((await container.ExistsAsync()).Value, Is.True);
    }

    [Test]
    public async Task The_initialiser_leaves_the_container_alone_when_told_not_to_create_it()
    {
        var container = Azurite.NewContainer();
        _containers.Add(container);

        await NewInitialiser(container, createContainer: false).StartAsync(CancellationToken.None);

        Assert.That((await container.ExistsAsync()).Value, Is.False);
    }

    [Test]
    public async Task Health_is_healthy_when_the_container_answers()
    {
        var store = await NewStoreAsync();

        var result = await new AzureBlobFileStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task Health_is_unhealthy_when_the_container_is_missing()
    {
        var container = Azurite.NewContainer();
        var store = new AzureBlobFileStore(container, BlockSize);

        var result = await new AzureBlobFileStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(result.Description, Does.Contain(container.Name).And.Contain("404"));
        }
    }

    [Test]
    public async Task Health_is_unhealthy_when_the_service_cannot_be_reached()
    {
        // Port 1 on loopback refuses connections; no retries, so the answer comes at once.
        var options = AzureBlobFileStore.CreateClientOptions();
        options.Retry.MaxRetries = 0;
        var unreachable = new BlobServiceClient(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Convert.ToBase64String(new byte[64])
            + ";BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;", options);
        var store = new AzureBlobFileStore(unreachable.GetBlobContainerClient("media"), BlockSize);

        var result = await new AzureBlobFileStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(result.Description, Does.Contain("media"));
        }
    }

    private static AzureBlobContainerInitialiser NewInitialiser(BlobContainerClient container, bool createContainer) => new(
        new AzureBlobFileStore(container, BlockSize),
        Options.Create(new AzureBlobFileStoreOptions { CreateContainer = createContainer }),
        Options.Create(new StorageOptions()),
        NullLogger<AzureBlobContainerInitialiser>.Instance);

    private async Task<AzureBlobFileStore> NewStoreAsync()
    {
        var container = Azurite.NewContainer();
        _containers.Add(container);
        await container.CreateAsync();
        return new AzureBlobFileStore(container, BlockSize);
    }

    private static async Task SaveAsync(AzureBlobFileStore store, string key, byte[] content, string contentType, string sha256)
    {
        await using var upload = await store.BeginUploadAsync(key, CancellationToken.None);
        await upload.WriteAsync(content, CancellationToken.None);
        await upload.CommitAsync(contentType, sha256, CancellationToken.None);
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Drops the first attempt of every request as a reset connection would; retries pass through.</summary>
    private sealed class FailEachRequestOnce : HttpPipelinePolicy
    {
        private readonly ConcurrentDictionary<string, bool> _seen = new();
        private int _injected;

        public int Injected => _injected;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            FailFirstAttempt(message);
            ProcessNext(message, pipeline);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            FailFirstAttempt(message);
            await ProcessNextAsync(message, pipeline);
        }

        private void FailFirstAttempt(HttpMessage message)
        {
            if (_seen.TryAdd(message.Request.ClientRequestId, true))
            {
                Interlocked.Increment(ref _injected);
                throw new IOException("Injected: the connection was reset.");
            }
        }
    }
}
