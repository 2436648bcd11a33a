using SharpFuzz;

namespace PersonaMedia.Fuzz;

/// <summary>
/// afl-fuzz runs this once per target: <c>dotnet PersonaMedia.Fuzz.dll &lt;target&gt;</c>. Each input is
/// handed to the target; an exception other than the ones the target expects is a crash, kept by AFL++.
/// (A class of its own, not top-level statements: those would make a second global <c>Program</c>
/// beside the service's, which the functional tests reference.)
/// </summary>
public static class FuzzEntryPoint
{
    public static int Main(string[] args)
    {
        if (args.Length != 1 || !FuzzTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: PersonaMedia.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}>");
            return 2;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }
}
