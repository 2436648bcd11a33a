using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

public class AbandonedUploadsCleanerTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("cleaner-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Removes_only_temporary_files_older_than_a_day()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "1", "2")).FullName;
        var abandoned = Touch(Path.Combine(folder, ".abc.partial"), TimeSpan.FromDays(2));
        var inProgress = Touch(Path.Combine(folder, ".def.partial"), TimeSpan.FromMinutes(5));
        var committedOld = Touch(Path.Combine(folder, "0123.jpg"), TimeSpan.FromDays(30));
        var store = new LocalFileStore(Options.Create(new LocalFileStoreOptions { RootPath = _root }), _root);
        var cleaner = new AbandonedUploadsCleaner(store, TimeProvider.System, NullLogger<AbandonedUploadsCleaner>.Instance);

        var removed = cleaner.Clean();

        Assert.That(removed, Is.EqualTo(1));
        Assert.That(File.Exists(abandoned), Is.False);
        Assert.That(File.Exists(inProgress), Is.True);
        Assert.That(File.Exists(committedOld), Is.True);
    }

    private static string Touch(string path, TimeSpan age)
    {
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }
}
