using System.Runtime.InteropServices;

namespace PersonaMedia.Infrastructure.Files;

/// <summary>
/// Moves a file to a name that must not exist yet, atomically: of two racing moves to one name,
/// exactly one succeeds. <see cref="File.Move(string, string, bool)"/> does not promise that on
/// Unix, where it checks for the destination and then renames, so a racing move can replace the
/// winner's file; <c>link(2)</c> creates the name only if it is free, in one step.
/// </summary>
internal static class ExclusiveMove
{
    private const int EExist = 17; // the same on Linux and macOS

    /// <summary>False, with nothing moved, when <paramref name="destination"/> already exists.</summary>
    public static bool TryMove(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (Link(source, destination) == 0)
            {
                File.Delete(source);
                return true;
            }

            if (Marshal.GetLastPInvokeError() == EExist)
            {
                return false;
            }

            // A file system without hard links (or another failure, which File.Move reports
            // better): fall back to the check-then-rename below.
        }

        // On Windows this is MoveFileEx without MOVEFILE_REPLACE_EXISTING, which is atomic.
        try
        {
            File.Move(source, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
    }

    // CA2101 fires once culture data is on (no InvariantGlobalization), although each string is
    // marshalled explicitly as UTF-8, which is what libc's link(2) takes.
#pragma warning disable CA2101
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string existingPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
#pragma warning restore CA2101
}
