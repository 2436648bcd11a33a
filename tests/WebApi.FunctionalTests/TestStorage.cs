namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>What the tests need to see and reset in the app's file store, whatever store it is.</summary>
public interface ITestStorage
{
    /// <summary>The settings that point the app at this store.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Every stored object's key ('/'-separated, relative to the store's root), sorted; temporary files included.</summary>
    Task<IReadOnlyList<string>> ListKeysAsync();

    Task<byte[]> ReadAsync(string key);

    Task ResetAsync();
}

/// <summary>The local-disk store, in a folder of the test app's own.</summary>
public sealed class LocalTestStorage(string root) : ITestStorage
{
    public string Root { get; } = root;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Local",
        ["Storage:Local:RootPath"] = Root,
    };

    public Task<IReadOnlyList<string>> ListKeysAsync() => Task.FromResult<IReadOnlyList<string>>(
        Directory.CreateDirectory(Root)
            .EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file.FullName).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList());

    public Task<byte[]> ReadAsync(string key) => File.ReadAllBytesAsync(Path.Combine(Root, key));

    public Task ResetAsync()
    {
        foreach (var entry in Directory.CreateDirectory(Root).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        return Task.CompletedTask;
    }
}
