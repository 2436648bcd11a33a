using PersonaMedia.Fuzz;
using SharpFuzz;

// afl-fuzz runs this once per target: dotnet PersonaMedia.Fuzz.dll <target>. Each input is handed to
// the target; an exception other than the ones the target expects is a crash, kept by AFL++.
if (args.Length != 1 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    await Console.Error.WriteLineAsync($"usage: PersonaMedia.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}>");
    return 2;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
