using System.Runtime.InteropServices;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Forces a folder's entries to the disk (<c>fsync(2)</c> on the folder itself). A file's own
/// fsync makes its bytes durable, not its name: until the folder is flushed, a power cut after the
/// rename can bring the folder back without the new name, losing an upload that was acknowledged.
/// .NET has no API for this (a folder cannot be opened as a <see cref="FileStream"/>), hence libc.
/// On Windows, NTFS journals the rename itself, and there is nothing to do.
/// </summary>
internal static class FolderFlush
{
    private const int ReadOnly = 0; // O_RDONLY, the same on Linux and macOS

    /// <summary>Flushes <paramref name="folder"/>; throws <see cref="IOException"/> when the system refuses.</summary>
    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(folder, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open folder '{folder}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Could not flush folder '{folder}' to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    // CA2101: see ExclusiveMove; the path is marshalled explicitly as UTF-8, as open(2) takes it.
#pragma warning disable CA2101
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
#pragma warning restore CA2101

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int descriptor);
}
