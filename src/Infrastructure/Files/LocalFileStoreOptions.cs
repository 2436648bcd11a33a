namespace PersonaMedia.Infrastructure.Files;

/// <summary>The <c>Storage:Local</c> configuration section.</summary>
public sealed class LocalFileStoreOptions
{
    public const string SectionName = "Storage:Local";

    /// <summary>Folder under which files are kept; relative paths are taken from the content root.</summary>
    public string RootPath { get; set; } = "uploads";

    /// <summary>
    /// Whether a file's bytes are forced to the disk before it is renamed into place, so that after
    /// a power loss a committed row never points at a truncated file. On by default.
    /// </summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>The store's folder, absolute: a relative <see cref="RootPath"/> is taken from <paramref name="contentRoot"/>.</summary>
    public string FullRootPath(string contentRoot) => Path.GetFullPath(RootPath, contentRoot);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(RootPath))
        {
            yield return "Storage:Local:RootPath is empty, so uploads would land in the application folder itself: "
                + "set Storage__Local__RootPath to a folder (relative paths are taken from the content root), for example uploads.";
        }
        else if (RootPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return "Storage:Local:RootPath contains characters no path may hold: set Storage__Local__RootPath to a folder.";
        }
    }
}
