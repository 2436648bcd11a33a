using System.Collections;
using System.Text.RegularExpressions;
using PersonaMedia.WebApi.FunctionalTests.Support;

namespace PersonaMedia.WebApi.FunctionalTests.Docs;

/// <summary>
/// The README's commands for making the SQL Server migration script, run as written in a fresh
/// clone of the repository (its committed HEAD): the local tool, the restore, and
/// <c>dotnet ef migrations script</c>, which needs no database.
/// </summary>
[Category("Published")]
[NonParallelizable]
public sealed partial class ReadmeSqlServerCommandsTests
{
    [Test]
    public async Task The_migration_script_commands_work_from_a_fresh_clone()
    {
        var root = PublishedApp.RepositoryRoot();
        var readme = await File.ReadAllTextAsync(Path.Combine(root, "README.md"));
        var upgrading = readme[readme.IndexOf("### Upgrading", StringComparison.Ordinal)..];
        var commands = upgrading.Split('\n')
            .Select(l => l.Trim())
            .TakeWhile(l => !l.StartsWith("# or a migration bundle", StringComparison.Ordinal))
            .Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal))
            .ToList();
        Assert.That(commands, Has.Count.EqualTo(3).And.Contains("dotnet tool restore").And.Contains("dotnet restore"), string.Join('\n', commands));

        var clone = Directory.CreateTempSubdirectory("personamedia-clone-").FullName;
        try
        {
            var head = (await PublishedApp.RunAsync("git", ["-C", root, "rev-parse", "HEAD"], root, null, TimeSpan.FromSeconds(30))).Output.Trim();
            await Run("git", ["clone", "--quiet", "--no-checkout", root, clone], root);
            await Run("git", ["-C", clone, "checkout", "--quiet", head], root);

            foreach (var command in commands)
            {
                var words = Words().Matches(command).Select(m => m.Value.Trim('"')).ToList();
                await Run(words[0], words.Skip(1), clone);
            }

            var script = await File.ReadAllTextAsync(Path.Combine(clone, "migrate.sql"));
            Assert.That(script, Does.Contain("CREATE TABLE [users]").And.Contain("IF NOT EXISTS").And.Contain("[__EFMigrationsHistory]"));
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }

    private static async Task Run(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        // What `dotnet test` puts into this process's environment for MSBuild is not a reader's shell.
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_HOST_PATH", StringComparison.Ordinal))
            .ToDictionary(k => k, _ => (string?)null);
        var (exit, output) = await PublishedApp.RunAsync(file, arguments, workingDirectory, environment, TimeSpan.FromMinutes(8));
        Assert.That(exit, Is.EqualTo(0), $"{file} {string.Join(' ', arguments)}\n{output}");
    }

    [GeneratedRegex("\"[^\"]*\"|\\S+")]
    private static partial Regex Words();
}
