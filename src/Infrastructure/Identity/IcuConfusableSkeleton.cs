using System.Runtime.InteropServices;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.Infrastructure.Identity;

/// <summary>
/// TR39 skeletons from ICU's spoof checker (<c>uspoof_getSkeleton</c>) after ICU's NFKC_Casefold, so
/// the confusables data is Unicode's own, as current as the ICU that .NET itself already loads on
/// this machine (libicu on Linux, icu.dll on Windows). ICU suffixes its C symbols with its major
/// version, so the version is found by probing. A spoof checker and a normaliser are safe to share
/// between threads for these const calls; they live as long as the process.
/// </summary>
internal sealed unsafe class IcuConfusableSkeleton : IConfusableSkeleton
{
    private const int BufferOverflowError = 15;

    private readonly nint _checker;
    private readonly nint _casefold;
    private readonly delegate* unmanaged<nint, uint, char*, int, char*, int, int*, int> _getSkeleton;
    private readonly delegate* unmanaged<nint, char*, int, char*, int, int*, int> _normalize;

    public IcuConfusableSkeleton()
    {
        var (i18n, common, suffix) = LoadIcu();
        var open = (delegate* unmanaged<int*, nint>)NativeLibrary.GetExport(i18n, "uspoof_open" + suffix);
        var casefoldInstance = (delegate* unmanaged<int*, nint>)NativeLibrary.GetExport(common, "unorm2_getNFKCCasefoldInstance" + suffix);
        _getSkeleton = (delegate* unmanaged<nint, uint, char*, int, char*, int, int*, int>)NativeLibrary.GetExport(i18n, "uspoof_getSkeleton" + suffix);
        _normalize = (delegate* unmanaged<nint, char*, int, char*, int, int*, int>)NativeLibrary.GetExport(common, "unorm2_normalize" + suffix);

        int status = 0;
        _checker = open(&status);
        Check(status, "uspoof_open");
        _casefold = casefoldInstance(&status);
        Check(status, "unorm2_getNFKCCasefoldInstance");
    }

    public string Compute(string username)
    {
        var folded = Call(username, (source, length, destination, capacity, status) => _normalize(_casefold, source, length, destination, capacity, status));
        return Call(folded, (source, length, destination, capacity, status) => _getSkeleton(_checker, 0, source, length, destination, capacity, status));
    }

    private delegate int IcuStringFunction(char* source, int length, char* destination, int capacity, int* status);

    /// <summary>Calls an ICU function that writes a string, growing the buffer once when ICU says it was too small.</summary>
    private static string Call(string input, IcuStringFunction function)
    {
        var capacity = (input.Length * 4) + 16;
        for (var attempt = 0; ; attempt++)
        {
            var buffer = new char[capacity];
            int status = 0;
            int length;
            fixed (char* source = input)
            fixed (char* destination = buffer)
            {
                length = function(source, input.Length, destination, capacity, &status);
            }

            if (status == BufferOverflowError && attempt == 0)
            {
                capacity = length + 1;
                continue;
            }

            Check(status, "ICU string function");
            return new string(buffer, 0, length);
        }
    }

    private static void Check(int status, string function)
    {
        // ICU's UErrorCode: zero is success, negative values are warnings, positive ones errors.
        if (status > 0)
        {
            throw new InvalidOperationException($"ICU {function} failed with UErrorCode {status}.");
        }
    }

    private static (nint I18n, nint Common, string Suffix) LoadIcu()
    {
        if (OperatingSystem.IsWindows() && NativeLibrary.TryLoad("icu.dll", out var windows))
        {
            return (windows, windows, string.Empty);
        }

        for (var version = 90; version >= 50; version--)
        {
            if (NativeLibrary.TryLoad($"libicui18n.so.{version}", out var i18n) && NativeLibrary.TryLoad($"libicuuc.so.{version}", out var common))
            {
                var suffix = NativeLibrary.TryGetExport(i18n, $"uspoof_open_{version}", out _) ? $"_{version}" : string.Empty;
                return (i18n, common, suffix);
            }
        }

        throw new InvalidOperationException(
            "ICU (libicu) was not found: usernames are checked for look-alikes with ICU's confusables data, which the "
            + "service needs; install libicu (Debian: libicu72 or later) and do not run in globalization-invariant mode.");
    }
}
