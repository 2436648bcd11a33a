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
}
