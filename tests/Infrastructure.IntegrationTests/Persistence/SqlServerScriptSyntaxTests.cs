using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// SQL Server cannot run here, so the T-SQL it would receive is parsed instead, with Microsoft's own
/// parser (ScriptDom) for SQL Server 2022, the version the compose file runs: the migration script
/// the bundle applies, every query the repositories send (the reviewed snapshot of
/// <see cref="SqlServerQueryTranslationTests"/>) and the compose stack's <c>db-init.sql</c>. A
/// statement SQL Server would refuse as a syntax error fails here. Names and types are not bound:
/// that needs the server (the Testcontainers suites).
/// </summary>
public partial class SqlServerScriptSyntaxTests
{
    [Test]
    public void The_idempotent_migration_script_parses_as_T_SQL()
    {
        using var db = TestContexts.SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parsed = Parse(script);

        Assert.That(parsed.Batches, Has.Count.GreaterThan(db.Database.GetMigrations().Count()), "a batch per migration step at least");
    }

    [Test]
    public void Every_snapshotted_repository_query_parses_as_T_SQL()
    {
        var snapshot = File.ReadAllText(Path.Combine(
            SqlServerQueryTranslationTests.RepositoryRoot(), "tests", "Infrastructure.IntegrationTests", "Persistence", "SqlServerQueries.sql"));

        var parsed = Parse(snapshot);

        Assert.That(parsed.Batches.Sum(b => b.Statements.Count), Is.GreaterThanOrEqualTo(Regex.Count(snapshot, "^-- ", RegexOptions.Multiline)),
            "a statement at least per named query");
    }

    [Test]
    public void The_compose_db_init_script_parses_as_T_SQL_with_its_variables_set()
    {
        var path = Path.Combine(SqlServerQueryTranslationTests.RepositoryRoot(), "ops", "sqlserver", "db-init.sql");
        var text = File.ReadAllText(path);
        var code = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        var variables = SqlcmdVariable().Matches(code).Select(m => m.Groups[1].Value).Distinct().ToList();
        // The values db-init.sh may pass: it refuses passwords with ' or $( itself.
        var script = SqlcmdVariable().Replace(text, m => m.Groups[1].Value == "DB_NAME" ? "PersonaMedia" : "Str0ng-Pass_word");

        var parsed = Parse(script);

        Assert.Multiple(() =>
        {
            Assert.That(variables, Is.EquivalentTo(new[] { "DB_NAME", "MIGRATOR_PASSWORD", "APP_PASSWORD" }), "the variables db-init.sh exports");
            Assert.That(parsed.Batches, Has.Count.EqualTo(Regex.Count(text, @"^GO\s*$", RegexOptions.Multiline) + 1));
        });
    }

    [Test]
    public void A_syntax_error_is_caught()
    {
        Assert.That(() => Parse("SELECT TOP(1) [id] FROM [users] WHERE [id] = = @id;"), Throws.TypeOf<AssertionException>());
    }

    private static TSqlScript Parse(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        Assert.That(errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"), Is.Empty, "T-SQL syntax errors");
        return (TSqlScript)fragment;
    }

    [GeneratedRegex(@"\$\(([A-Z_]+)\)")]
    private static partial Regex SqlcmdVariable();
}
