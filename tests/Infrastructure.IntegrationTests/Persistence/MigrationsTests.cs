using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Each provider keeps its own migrations; a model change without a new migration in both sets
/// would ship a schema that differs from what the code expects.
/// </summary>
public class MigrationsTests
{
    private static IEnumerable<TestCaseData> Providers()
    {
        yield return new TestCaseData((Func<AppDbContext>)(() => TestContexts.Sqlite(Path.Combine(Path.GetTempPath(), "never-opened.db"))), "Sqlite")
            .SetArgDisplayNames("Sqlite");
        yield return new TestCaseData((Func<AppDbContext>)TestContexts.SqlServer, "SqlServer")
            .SetArgDisplayNames("SqlServer");
    }

    [TestCaseSource(nameof(Providers))]
    public void Migrations_are_in_sync_with_the_model(Func<AppDbContext> create, string provider)
    {
        using var db = create();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            $"The model changed since the last {provider} migration; add a migration to BOTH sets (see README, Operations).");
    }

    [TestCaseSource(nameof(Providers))]
    public void Provider_has_its_own_migrations_and_snapshot(Func<AppDbContext> create, string provider)
    {
        using var db = create();
        var migrations = db.GetService<IMigrationsAssembly>();
        var expectedNamespace = $"PersonaMedia.Infrastructure.Persistence.Migrations.{provider}";

        Assert.That(migrations.Migrations, Is.Not.Empty);
        Assert.That(migrations.Migrations.Values.Select(type => type.Namespace), Is.All.EqualTo(expectedNamespace));
        Assert.That(migrations.ModelSnapshot?.GetType().Namespace, Is.EqualTo(expectedNamespace));
    }

    [Test]
    public void Sql_server_migrations_make_an_idempotent_script_without_a_server()
    {
        using var db = TestContexts.SqlServer();
        var last = db.Database.GetMigrations().Last();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Each migration is guarded by its id in the history table, so the script can be run on any version.
        Assert.That(script, Does.Contain("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL"));
        Assert.That(script, Does.Contain($"WHERE [MigrationId] = N'{last}'"));
        Assert.That(script, Does.Contain("CREATE TABLE [media_files]"));
    }
}
