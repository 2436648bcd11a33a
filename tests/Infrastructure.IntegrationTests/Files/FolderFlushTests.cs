using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

/// <summary>The folder flush behind a durable commit really reaches the system: it refuses what is no folder it can open.</summary>
public sealed class FolderFlushTests
{
    [Test]
    public void A_folder_is_flushed()
    {
        var folder = Directory.CreateTempSubdirectory("personamedia-flush-").FullName;
        try
        {
            Assert.DoesNotThrow(() => FolderFlush.Flush(folder));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Test]
    public void A_missing_folder_is_an_IOException_with_the_path()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("NTFS journals renames; the flush does nothing on Windows.");
        }

        var missing = Path.Combine(Path.GetTempPath(), "personamedia-missing-" + Guid.NewGuid().ToString("N"));

        var refused = Assert.Throws<IOException>(() => FolderFlush.Flush(missing));
        Assert.That(refused!.Message, Does.Contain(missing).And.Contain("errno 2"));
    }
}
