using System.Text.Json;
using System.Xml.Linq;

namespace PersonaMedia.Architecture.Tests;

/// <summary>The source tree the tests were built from, and what each src project declares.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    private static readonly string[] ImplicitImports = ["Directory.Build.props", "Directory.Build.targets"];

    public static string ProjectFile(string name) => Path.Combine(Root, "src", name, $"{name}.csproj");

    public static IEnumerable<string> SourceProjects() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories);

    /// <summary>The SDK of the project (<c>Microsoft.NET.Sdk</c>, <c>Microsoft.NET.Sdk.Web</c>, ...).</summary>
    public static string Sdk(string projectFile) => (string?)XDocument.Load(projectFile).Root!.Attribute("Sdk") ?? string.Empty;

    /// <summary>
    /// Items of the given kind (<c>PackageReference</c>, <c>ProjectReference</c>, <c>FrameworkReference</c>)
    /// declared in the project file and in every MSBuild file that is imported into it implicitly:
    /// Directory.Build.props/targets on its way up to the root, and global package references.
    /// </summary>
    public static List<string> Items(string projectFile, string kind)
    {
        var files = new List<string> { projectFile };
        for (var directory = Path.GetDirectoryName(projectFile); directory is not null && directory.StartsWith(Root, StringComparison.Ordinal);
             directory = Path.GetDirectoryName(directory))
        {
            files.AddRange(ImplicitImports
                .Select(name => Path.Combine(directory, name))
                .Where(File.Exists));
        }

        var items = files.SelectMany(file => XDocument.Load(file).Descendants(kind).Select(Include)).ToList();
        if (kind == "PackageReference")
        {
            var central = Path.Combine(Root, "Directory.Packages.props");
            if (File.Exists(central))
            {
                items.AddRange(XDocument.Load(central).Descendants("GlobalPackageReference").Select(Include));
            }
        }

        return items;
    }

    /// <summary>ProjectReference items as project names ("..\Domain\Domain.csproj" becomes "Domain").</summary>
    public static List<string> ProjectReferences(string projectFile) =>
        Items(projectFile, "ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/'))).ToList();

    /// <summary>
    /// What restore resolved for the project, as MSBuild evaluated it: direct package references,
    /// framework references, and every package in the closure (transitive ones included).
    /// </summary>
    public static (List<string> Direct, List<string> Frameworks, List<string> Closure) Restored(string projectFile)
    {
        var assets = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "project.assets.json");
        Assert.That(File.Exists(assets), Is.True, $"{assets} is missing; the architecture tests read what restore resolved.");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        var root = document.RootElement;
        var frameworks = root.GetProperty("project").GetProperty("frameworks").EnumerateObject().Select(f => f.Value).ToList();
        var direct = frameworks
            .SelectMany(f => f.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name) : [])
            .ToList();
        var frameworkReferences = frameworks
            .SelectMany(f => f.TryGetProperty("frameworkReferences", out var r) ? r.EnumerateObject().Select(p => p.Name) : [])
            .ToList();
        var closure = root.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .Select(l => l.Name.Split('/')[0])
            .ToList();
        return (direct, frameworkReferences, closure);
    }

    private static string Include(XElement item) =>
        (string?)item.Attribute("Include") ?? (string?)item.Attribute("Update") ?? string.Empty;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PersonaMedia.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PersonaMedia.sln above {AppContext.BaseDirectory}.");
    }
}
