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

    protected override Task DeleteStoreAsync()
    {
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
