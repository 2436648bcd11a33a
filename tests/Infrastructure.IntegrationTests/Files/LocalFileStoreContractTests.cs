using System.Globalization;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

/// <summary>The contract on local disk; listing the root shows temporary <c>.partial</c> files too.</summary>
public sealed class LocalFileStoreContractTests : FileStoreContractTests
{
    private string? _root;

    protected override Task<IFileStore> CreateStoreAsync()
    {
        // The store is rooted one level down, so a key that climbed out would land in this folder, not in /tmp.
        _root = Directory.CreateTempSubdirectory("personamedia-store-").FullName;
        var options = Options.Create(new LocalFileStoreOptions { RootPath = "store" });
        return Task.FromResult<IFileStore>(new LocalFileStore(options, _root));
    }

    protected override Task<IReadOnlyList<string>> ListEverythingAsync() => Task.FromResult<IReadOnlyList<string>>(
        Directory.EnumerateFiles(_root!, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Path.Combine(_root!, "store"), file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList());

    [Test]
    public async Task Folders_left_empty_by_a_delete_or_a_discarded_upload_go_with_it_and_the_root_stays()
    {
        var kept = "1/2/kept.jpg";
        var doomed = "1/3/doomed.jpg";
        await SaveAsync(kept, RandomBytes(10));
        await SaveAsync(doomed, RandomBytes(10));
        await (await Store.BeginUploadAsync("4/5/discarded.jpg", CancellationToken.None)).DisposeAsync();

        await Store.DeleteAsync(doomed, CancellationToken.None);
        var store = Path.Combine(_root!, "store");
        var foldersAfterOne = Folders(store);
        await Store.DeletePrefixAsync("1/2/", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(foldersAfterOne, Is.EqualTo(new[] { "1", "1/2" }));
            Assert.That(Folders(store), Is.Empty);
            Assert.That(Directory.Exists(store), Is.True);
        }
    }

    [Test]
    public async Task Leftovers_older_than_the_cutoff_go_and_younger_ones_stay()
    {
        var store = Path.Combine(_root!, "store");
        var committed = "1/2/0123.jpg";
        await SaveAsync(committed, RandomBytes(10));
        var folder = Path.Combine(store, "1", "2");
        var abandoned = Touch(Path.Combine(folder, ".abc.partial"), TimeSpan.FromDays(2));
        var inProgress = Touch(Path.Combine(folder, ".def.partial"), TimeSpan.FromMinutes(5));
        File.SetLastWriteTimeUtc(Path.Combine(store, committed), DateTime.UtcNow.AddDays(-30));
        var oldEmpty = Directory.CreateDirectory(Path.Combine(store, "3", "4")).FullName;
        Directory.SetLastWriteTimeUtc(oldEmpty, DateTime.UtcNow.AddDays(-2));
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(oldEmpty)!, DateTime.UtcNow.AddDays(-2));
        var youngEmpty = Directory.CreateDirectory(Path.Combine(store, "5", "6")).FullName;

        var removed = await Store.RemoveLeftoversAsync(DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            // The abandoned file, the old empty folder 3/4, then 3, which 4 left empty.
            Assert.That(removed, Is.EqualTo(3));
            Assert.That(Directory.Exists(Path.Combine(store, "3")), Is.False, "its parent, left empty");
            Assert.That(File.Exists(abandoned), Is.False, "abandoned temporary file");
            Assert.That(File.Exists(inProgress), Is.True, "an upload still in flight");
            Assert.That(File.Exists(Path.Combine(store, committed)), Is.True, "a committed file, however old");
            Assert.That(Directory.Exists(oldEmpty), Is.False, "an old empty folder");
            Assert.That(Directory.Exists(youngEmpty), Is.True, "a folder an upload may be about to write into");
            Assert.That(Directory.Exists(store), Is.True, "the root");
        }
    }

    private static string Touch(string path, TimeSpan age)
    {
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    private static List<string> Folders(string root) =>
        Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(root, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Test]
    public async Task Bytes_reach_the_disk_while_they_arrive()
    {
        var key = NewKey();
        await using var upload = await Store.BeginUploadAsync(key, CancellationToken.None);

        await upload.WriteAsync(RandomBytes(3 * 65_536), CancellationToken.None);

        var partial = Directory.GetFiles(_root!, "*" + LocalFileStore.TemporarySuffix, SearchOption.AllDirectories);
        Assert.That(partial.Select(file => new FileInfo(file).Length), Is.EqualTo(new long[] { 3 * 65_536 }));
    }

    [Test]
    public async Task Racing_moves_to_one_name_have_exactly_one_winner()
    {
        // File.Move(overwrite: false) checks and then renames on Unix, so one round in a few
        // hundred lets two movers both succeed; the store's move must never.
        for (var round = 0; round < 50; round++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_root!, "race", round.ToString(CultureInfo.InvariantCulture))).FullName;
            var sources = Enumerable.Range(0, 8).Select(i => Path.Combine(folder, $"source-{i}")).ToArray();
            foreach (var source in sources)
            {
                await File.WriteAllTextAsync(source, source);
            }

            var destination = Path.Combine(folder, "destination");
            var moved = await Task.WhenAll(sources.Select(source => Task.Run(() => ExclusiveMove.TryMove(source, destination))));

            Assert.That(moved.Count(m => m), Is.EqualTo(1), $"round {round}");
            var winner = sources[Array.IndexOf(moved, true)];
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await File.ReadAllTextAsync(destination), Is.EqualTo(winner));
                Assert.That(File.Exists(winner), Is.False);
                Assert.That(sources.Where(File.Exists), Has.Exactly(sources.Length - 1).Items);
            }
        }
    }

    protected override Task DeleteStoreAsync()
    {
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
