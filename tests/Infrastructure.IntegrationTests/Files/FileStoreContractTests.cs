using System.Security.Cryptography;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

/// <summary>
/// The <see cref="IFileStore"/> contract, run against every adapter: one subclass per adapter
/// supplies a new, empty store for each test and a way to list everything it holds.
/// </summary>
public abstract class FileStoreContractTests
{
    protected const int TenMiB = 10 * 1024 * 1024;

    private static readonly CancellationToken None = CancellationToken.None;

    private IFileStore? _store;

    protected IFileStore Store => _store ?? throw new InvalidOperationException("The store has not been created.");

    /// <summary>Keys that every store must refuse, before touching anything.</summary>
    public static IEnumerable<TestCaseData> MalformedKeys =>
        new[]
        {
            "", " ", ".", "..", "../x.jpg", "1/../../etc/passwd", "1/2/../3.jpg", "./1.jpg", "1/./2.jpg",
            "/1/2/x.jpg", "/etc/passwd", "1/2/x.jpg/", "1//2/x.jpg", @"1\2\x.jpg", @"..\x.jpg", "C:/x.jpg",
            @"C:\x.jpg", "~/x.jpg", "1/2/.x.jpg", "1/2/.abc.partial", "1/2/x y.jpg", "1/2/x%2e.jpg",
            "1/2/\u00e4.jpg", "1/2/x.jpg\0", "1/2/x.jpg\n", "1/2/x.jpg?comp=list", "1/2/x.jpg#top", new string('a', 513),
        }.Select(key => new TestCaseData(key).SetArgDisplayNames(Display(key)));

    /// <summary>A new, empty store for one test.</summary>
    protected abstract Task<IFileStore> CreateStoreAsync();

    /// <summary>Every object the store holds, whatever its name: temporary files included where there are any.</summary>
    protected abstract Task<IReadOnlyList<string>> ListEverythingAsync();

    protected abstract Task DeleteStoreAsync();

    [SetUp]
    public async Task CreateStore() => _store = await CreateStoreAsync();

    [TearDown]
    public Task DeleteStore() => DeleteStoreAsync();

    [Test]
    public async Task A_saved_file_reads_back_whole_through_a_seekable_stream()
    {
        var key = NewKey();
        var content = RandomBytes(300_001);
        await SaveAsync(key, content);

        await using var stream = await Store.OpenReadAsync(key, None);

        Assert.That(stream, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream!.CanSeek, Is.True);
            Assert.That(stream.Length, Is.EqualTo(content.Length));
            Assert.That(await ReadToEndAsync(stream), Is.EqualTo(content));
        }

        stream.Seek(-100, SeekOrigin.End);
        Assert.That(await ReadToEndAsync(stream), Is.EqualTo(content[^100..]));
        stream.Position = 12_345;
        Assert.That(await ReadToEndAsync(stream), Is.EqualTo(content[12_345..]));
    }

    [Test]
    public async Task Bytes_are_invisible_until_committed_then_read_back()
    {
        var key = NewKey();
        var content = RandomBytes(700_000);
        await using var upload = await Store.BeginUploadAsync(key, None);
        await upload.WriteAsync(content, None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.OpenReadAsync(key, None), Is.Null);
        }

        await upload.CommitAsync("image/jpeg", Sha256(content), None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ReadAsync(key), Is.EqualTo(content));
            Assert.That(await ListEverythingAsync(), Is.EqualTo(new[] { key }));
        }
    }

    [Test]
    public async Task Delete_removes_the_file_and_a_second_delete_finds_nothing()
    {
        var key = NewKey();
        var other = NewKey();
        await SaveAsync(key, RandomBytes(1000));
        await SaveAsync(other, RandomBytes(1000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.DeleteAsync(key, None), Is.True);
            Assert.That(await Store.OpenReadAsync(key, None), Is.Null);
            Assert.That(await Store.DeleteAsync(key, None), Is.False);
            Assert.That(await ReadAsync(other), Has.Length.EqualTo(1000));
            Assert.That(await ListEverythingAsync(), Is.EqualTo(new[] { other }));
        }
    }

    [Test]
    public async Task A_missing_key_reads_as_null_and_deletes_as_false()
    {
        var key = NewKey();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.OpenReadAsync(key, None), Is.Null);
            Assert.That(await Store.DeleteAsync(key, None), Is.False);
        }
    }

    [Test]
    public async Task A_taken_key_is_never_overwritten_and_keeps_its_bytes()
    {
        var key = NewKey();
        var original = RandomBytes(400_000);
        await SaveAsync(key, original);
        var intruder = RandomBytes(500_000);

        await using (var upload = await Store.BeginUploadAsync(key, None))
        {
            await upload.WriteAsync(intruder, None);
            await Assert.ThatAsync(
                () => upload.CommitAsync("image/png", Sha256(intruder), None),
                Throws.TypeOf<FileAlreadyExistsException>());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ReadAsync(key), Is.EqualTo(original));
            Assert.That(await ListEverythingAsync(), Is.EqualTo(new[] { key }));
        }
    }

    [TestCaseSource(nameof(MalformedKeys))]
    public async Task A_malformed_key_is_refused_by_every_operation(string key)
    {
        using (Assert.EnterMultipleScope())
        {
            await Assert.ThatAsync(() => Store.BeginUploadAsync(key, None), Throws.InstanceOf<ArgumentException>());
            await Assert.ThatAsync(() => Store.OpenReadAsync(key, None), Throws.InstanceOf<ArgumentException>());
            await Assert.ThatAsync(() => Store.DeleteAsync(key, None), Throws.InstanceOf<ArgumentException>());
        }

        Assert.That(await ListEverythingAsync(), Is.Empty);
    }

    [Test]
    public async Task A_null_key_is_refused() =>
        await Assert.ThatAsync(() => Store.BeginUploadAsync(null!, None), Throws.InstanceOf<ArgumentNullException>());

    [Test]
    public async Task A_10_MiB_stream_reads_back_with_the_same_sha256()
    {
        var key = NewKey("mp4");
        var chunk = new byte[100_003];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string sha256;
        await using (var upload = await Store.BeginUploadAsync(key, None))
        {
            for (var left = TenMiB; left > 0; left -= chunk.Length)
            {
                var part = chunk.AsMemory(0, Math.Min(left, chunk.Length));
                Random.Shared.NextBytes(part.Span);
                hash.AppendData(part.Span);
                await upload.WriteAsync(part, None);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            await upload.CommitAsync("video/mp4", sha256, None);
        }

        await using var stream = await Store.OpenReadAsync(key, None);

        Assert.That(stream, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream!.Length, Is.EqualTo(TenMiB));
            Assert.That(Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)), Is.EqualTo(sha256));
        }
    }

    [Test]
    public async Task A_10_MiB_save_allocates_far_less_than_the_file()
    {
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The first save pays for one-off allocations (JIT, connections, pools) that are not per upload.
        await SaveAsync(NewKey(), RandomBytes(1_000));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using (var upload = await Store.BeginUploadAsync(NewKey("mp4"), None))
        {
            for (var written = 0; written < TenMiB; written += chunk.Length)
            {
                hash.AppendData(chunk);
                await upload.WriteAsync(chunk, None);
            }

            await upload.CommitAsync("video/mp4", Convert.ToHexStringLower(hash.GetHashAndReset()), None);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Process-wide, so other threads count too: the bound is generous, but an adapter that
        // gathered the file in growing buffers could not meet it. That bytes leave memory as they
        // arrive is shown by each adapter's own test.
        Assert.That(allocated, Is.LessThan(TenMiB / 2), $"{allocated:N0} bytes allocated while saving 10 MiB");
    }

    [Test]
    public async Task Concurrent_saves_of_different_keys_all_keep_their_own_bytes()
    {
        var files = Enumerable.Range(0, 12).Select(_ => (Key: NewKey(), Content: RandomBytes(300_000))).ToArray();

        await Task.WhenAll(files.Select(file => Task.Run(() => SaveAsync(file.Key, file.Content))));

        using (Assert.EnterMultipleScope())
        {
            foreach (var (key, content) in files)
            {
                Assert.That(await ReadAsync(key), Is.EqualTo(content), key);
            }

            Assert.That(await ListEverythingAsync(), Is.EquivalentTo(files.Select(f => f.Key)));
        }
    }

    [Test]
    public async Task Racing_saves_of_one_key_have_exactly_one_winner_whose_bytes_are_kept_whole()
    {
        var key = NewKey();
        var contents = Enumerable.Range(0, 6).Select(_ => RandomBytes(700_000)).ToArray();
        var uploads = await Task.WhenAll(contents.Select(_ => Store.BeginUploadAsync(key, None)));
        bool[] won;
        try
        {
            // All write at once (their bytes interleave in the store), then all commit at once.
            await Task.WhenAll(uploads.Select((upload, i) => Task.Run(() => WriteInChunksAsync(upload, contents[i]))));
            won = await Task.WhenAll(uploads.Select((upload, i) => Task.Run(async () =>
            {
                try
                {
                    await upload.CommitAsync("image/jpeg", Sha256(contents[i]), None);
                    return true;
                }
                catch (FileAlreadyExistsException)
                {
                    return false;
                }
            })));
        }
        finally
        {
            foreach (var upload in uploads)
            {
                await upload.DisposeAsync();
            }
        }

        Assert.That(won.Count(w => w), Is.EqualTo(1));
        var winner = Array.IndexOf(won, true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ReadAsync(key), Is.EqualTo(contents[winner]));
            Assert.That(await ListEverythingAsync(), Is.EqualTo(new[] { key }));
        }
    }

    [Test]
    public async Task A_cancelled_save_leaves_nothing_and_the_key_stays_free()
    {
        var key = NewKey();
        using var cancellation = new CancellationTokenSource();
        await using (var upload = await Store.BeginUploadAsync(key, None))
        {
            await upload.WriteAsync(RandomBytes(700_000), None);
            await cancellation.CancelAsync();

            await Assert.ThatAsync(
                async () => await upload.WriteAsync(RandomBytes(700_000), cancellation.Token),
                Throws.InstanceOf<OperationCanceledException>());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.OpenReadAsync(key, None), Is.Null);
            Assert.That(await ListEverythingAsync(), Is.Empty);
        }

        var content = RandomBytes(500_000);
        await SaveAsync(key, content);
        Assert.That(await ReadAsync(key), Is.EqualTo(content));
    }

    [Test]
    public async Task An_upload_disposed_without_commit_leaves_nothing()
    {
        var key = NewKey();
        await using (var upload = await Store.BeginUploadAsync(key, None))
        {
            await upload.WriteAsync(RandomBytes(900_000), None);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.OpenReadAsync(key, None), Is.Null);
            Assert.That(await ListEverythingAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Delete_by_prefix_removes_everything_under_it_paged_and_nothing_else()
    {
        var prefix = $"{Random.Shared.Next(1, 10_000)}/{Random.Shared.Next(1, 10_000)}/";
        var neighbour = prefix.TrimEnd('/') + "0/kept.jpg"; // shares the characters, not the folder
        var under = Enumerable.Range(0, 7).Select(i => $"{prefix}{Guid.NewGuid():N}.jpg").ToList();
        under.Add($"{prefix}thumbs/{Guid.NewGuid():N}.jpg"); // a variant stored beside the originals
        foreach (var key in under.Append(neighbour))
        {
            await SaveAsync(key, RandomBytes(100));
        }

        var deleted = await Store.DeletePrefixAsync(prefix, None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.EqualTo(under.Count));
            Assert.That(await ListEverythingAsync(), Is.EqualTo(new[] { neighbour }));
            Assert.That(await Store.DeletePrefixAsync(prefix, None), Is.Zero);
        }
    }

    [TestCase("1/2")]
    [TestCase("../")]
    [TestCase("1/../../")]
    public async Task Delete_by_prefix_refuses_what_is_not_a_folder_inside_the_store(string prefix) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeletePrefixAsync(prefix, None));

    [Test]
    public async Task Listing_shows_committed_objects_with_size_and_time_and_not_uploads_in_flight()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var first = "7/8/" + Guid.NewGuid().ToString("N") + ".jpg";
        var second = "7/9/" + Guid.NewGuid().ToString("N") + ".png";
        var elsewhere = "70/8/" + Guid.NewGuid().ToString("N") + ".mp4";
        await SaveAsync(first, RandomBytes(1234));
        await SaveAsync(second, RandomBytes(10));
        await SaveAsync(elsewhere, RandomBytes(1));
        await using var inFlight = await Store.BeginUploadAsync("7/8/" + Guid.NewGuid().ToString("N") + ".jpg", None);
        await inFlight.WriteAsync(RandomBytes(100), None);

        var all = await ListAsync("");
        var underSeven = await ListAsync("7/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.Select(o => o.Key), Is.EquivalentTo(new[] { first, second, elsewhere }));
            Assert.That(underSeven.Select(o => o.Key), Is.EquivalentTo(new[] { first, second }), "a prefix is a folder, 70/ is not under 7/");
            Assert.That(all.Single(o => o.Key == first).Size, Is.EqualTo(1234));
            Assert.That(all.All(o => o.LastModified > before && o.LastModified < DateTimeOffset.UtcNow.AddMinutes(5)), Is.True, "written just now");
            Assert.That(await ListAsync("5/6/"), Is.Empty);
        }
    }

    [Test]
    public async Task Listing_pages_through_more_objects_than_one_page_holds()
    {
        var keys = Enumerable.Range(0, 1100).Select(i => $"3/4/{i:D5}.jpg").ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, _) => await SaveAsync(key, [1]));

        Assert.That((await ListAsync("3/")).Select(o => o.Key), Is.EquivalentTo(keys));
    }

    [TestCase("../")]
    [TestCase("1/../../")]
    public async Task Listing_refuses_a_prefix_outside_the_store(string prefix) =>
        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(prefix));

    [Test]
    public async Task Removing_leftovers_never_touches_a_committed_object()
    {
        var key = NewKey();
        await SaveAsync(key, RandomBytes(10));

        await Store.RemoveLeftoversAsync(DateTimeOffset.UtcNow.AddDays(1), None);

        Assert.That(await ReadAsync(key), Has.Length.EqualTo(10));
    }

    protected async Task<List<StoredObject>> ListAsync(string prefix)
    {
        var listed = new List<StoredObject>();
        await foreach (var stored in Store.ListAsync(prefix, None))
        {
            listed.Add(stored);
        }

        return listed;
    }

    protected static string NewKey(string extension = "jpg") =>
        $"{Random.Shared.Next(1, 10_000)}/{Random.Shared.Next(1, 10_000)}/{Guid.NewGuid():N}.{extension}";

    protected static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    protected static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    protected async Task SaveAsync(string key, byte[] content, string contentType = "image/jpeg")
    {
        await using var upload = await Store.BeginUploadAsync(key, None);
        await WriteInChunksAsync(upload, content);
        await upload.CommitAsync(contentType, Sha256(content), None);
    }

    protected async Task<byte[]?> ReadAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, None);
        return stream is null ? null : await ReadToEndAsync(stream);
    }

    /// <summary>Odd-sized chunks, as a multipart reader hands them over, so no write lines up with a block.</summary>
    private static async Task WriteInChunksAsync(IFileUpload upload, byte[] content)
    {
        for (var offset = 0; offset < content.Length; offset += 16_381)
        {
            await upload.WriteAsync(content.AsMemory(offset, Math.Min(16_381, content.Length - offset)), None);
        }
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string Display(string key) =>
        key.Length > 40 ? $"<{key.Length} chars>" : "\"" + string.Concat(key.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
