using Microsoft.Extensions.Options;
using PersonaMedia.Infrastructure.Files;

namespace PersonaMedia.Infrastructure.IntegrationTests.Files;

public class LocalFileStoreTests
{
    [Test]
    public async Task A_key_that_climbs_out_of_the_root_is_refused()
    {
        var root = Directory.CreateTempSubdirectory("store-").FullName;
        var store = new LocalFileStore(Options.Create(new LocalFileStoreOptions { RootPath = root }), root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.BeginUploadAsync("1/../../etc/passwd", CancellationToken.None));
    }
}
