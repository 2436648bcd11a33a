using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The SQL Server schema, read from the create script that EF generates from the model (no server
/// is needed): what SQL Server would refuse, and what the queries rely on.
/// </summary>
public partial class SqlServerModelTests
{
    private string _script = string.Empty;
    private IRelationalModel _model = null!;

    [OneTimeSetUp]
    public void GenerateScript()
    {
        using var db = TestContexts.SqlServer();
        _script = db.Database.GenerateCreateScript();
        _model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    [TestCase("FK_personas_users_user_id", "personas", "users", "CASCADE")]
    [TestCase("FK_media_files_personas_persona_id", "media_files", "personas", "CASCADE")]
    [TestCase("FK_media_files_users_user_id", "media_files", "users", "NO ACTION")]
    public void Foreign_key_has_the_expected_delete_action(string name, string table, string principal, string onDelete)
    {
        var keys = ForeignKeys().Where(fk => fk.Name == name).ToList();

        Assert.That(keys, Has.Count.EqualTo(1), $"{name} in the create script");
        Assert.That(keys[0], Is.EqualTo((name, table, principal, onDelete)));
    }

    [Test]
    public void Every_foreign_key_of_the_model_is_in_the_script_with_its_delete_action()
    {
        var fromModel = _model.Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Select(fk => (fk.Name, fk.Table.Name, fk.PrincipalTable.Name, SqlServerAction(fk.OnDeleteAction)))
            .OrderBy(fk => fk.Item1, StringComparer.Ordinal);

        Assert.That(ForeignKeys().OrderBy(fk => fk.Name, StringComparer.Ordinal), Is.EqualTo(fromModel));
    }

    [Test]
    public void No_table_is_reached_by_two_cascading_paths()
    {
        Assert.That(CascadePaths.FindConflicts(_model), Is.Empty);
    }

    [Test]
    public void The_cascade_check_finds_media_reached_through_the_persona_and_directly_from_the_user()
    {
        // The model SQL Server would refuse: media cascading from its user as well as from its persona.
        using var db = new DoubleCascadeContext(
            new DbContextOptionsBuilder<DoubleCascadeContext>().UseSqlServer(TestContexts.UnreachableSqlServer).Options);

        var conflicts = CascadePaths.FindConflicts(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        // media_files, and what cascades from it (its idempotency keys), are each reached twice.
        Assert.That(conflicts.Select(c => c.Split(' ')[0]), Is.EquivalentTo(new[] { "media_files", "upload_idempotency_keys" }));
        var media = conflicts.Single(c => c.StartsWith("media_files ", StringComparison.Ordinal));
        Assert.That(media, Does.StartWith("media_files is reached from users by "));
        Assert.That(media, Does.Contain("users -[FK_media_files_users_user_id Cascade]-> media_files"));
        Assert.That(media, Does.Contain(
            "users -[FK_personas_users_user_id Cascade]-> personas -[FK_media_files_personas_persona_id Cascade]-> media_files"));
    }

    [TestCase("media_files", false, "[persona_id], [created_at] DESC, [id] DESC")]
    [TestCase("media_files", false, "[persona_id], [media_type], [created_at] DESC, [id] DESC")]
    [TestCase("media_files", false, "[user_id], [persona_id], [media_type], [file_size]")]
    [TestCase("personas", false, "[user_id]")]
    [TestCase("users", true, "[normalized_email]")]
    [TestCase("users", true, "[normalized_username]")]
    public void Index_serving_a_query_exists(string table, bool unique, string columns)
    {
        Assert.That(Indexes(), Has.One.EqualTo((table, unique, columns)), _script);
    }

    [Test]
    public void Every_string_column_has_a_length()
    {
        var strings = Columns().Where(c => Regex.IsMatch(c.Type, @"^n?(var)?char\b|^n?text$")).ToList();

        Assert.That(strings, Is.Not.Empty);
        Assert.That(strings.Where(c => !Regex.IsMatch(c.Type, @"\(\d+\)$")), Is.Empty, "columns without a bounded length");
    }

    [Test]
    public void Every_string_property_of_the_model_has_a_maximum_length()
    {
        using var db = TestContexts.SqlServer();
        var unbounded = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null)
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}");

        Assert.That(unbounded, Is.Empty);
    }

    [TestCase("media_files", "file_size", "bigint")]
    [TestCase("media_files", "sha256", "char(64)")]
    [TestCase("media_files", "created_at", "datetime2")]
    [TestCase("media_files", "updated_at", "datetime2")]
    [TestCase("personas", "created_at", "datetime2")]
    [TestCase("users", "created_at", "datetime2")]
    public void Column_has_the_sql_server_type(string table, string column, string type)
    {
        Assert.That(Columns(), Has.One.EqualTo((table, column, type)));
    }

    private IEnumerable<(string Name, string Table, string Principal, string OnDelete)> ForeignKeys() =>
        CreateTables().SelectMany(table => ForeignKeyPattern().Matches(table.Body).Select(m =>
            (m.Groups["name"].Value, table.Name, m.Groups["principal"].Value, m.Groups["action"].Value)));

    private IEnumerable<(string Table, bool Unique, string Columns)> Indexes() =>
        IndexPattern().Matches(_script).Select(m =>
            (m.Groups["table"].Value, m.Groups["unique"].Success, m.Groups["columns"].Value));

    private IEnumerable<(string Table, string Column, string Type)> Columns() =>
        CreateTables().SelectMany(table => ColumnPattern().Matches(table.Body).Select(m =>
            (table.Name, m.Groups["column"].Value, m.Groups["type"].Value)));

    private IEnumerable<(string Name, string Body)> CreateTables() =>
        CreateTablePattern().Matches(_script).Select(m => (m.Groups["table"].Value, m.Groups["body"].Value));

    private static string SqlServerAction(ReferentialAction action) => action switch
    {
        // SQL Server has no RESTRICT; EF writes NO ACTION for it, which is checked at the end of the statement.
        ReferentialAction.Restrict => "NO ACTION",
        ReferentialAction.NoAction => "NO ACTION",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        _ => "SET DEFAULT",
    };

    [GeneratedRegex(@"^CREATE TABLE \[(?<table>[^\]]+)\] \((?<body>.*?)^\);", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CreateTablePattern();

    [GeneratedRegex(@"^\s+\[(?<column>[^\]]+)\] (?<type>[a-z0-9]+(\([^)]*\))?) (NOT )?NULL", RegexOptions.Multiline)]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"CONSTRAINT \[(?<name>[^\]]+)\] FOREIGN KEY \([^)]*\) REFERENCES \[(?<principal>[^\]]+)\] \([^)]*\) ON DELETE (?<action>CASCADE|NO ACTION|SET NULL|SET DEFAULT)")]
    private static partial Regex ForeignKeyPattern();

    [GeneratedRegex(@"^CREATE (?<unique>UNIQUE )?INDEX \[[^\]]+\] ON \[(?<table>[^\]]+)\] \((?<columns>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex IndexPattern();

    private sealed class DoubleCascadeContext(DbContextOptions<DoubleCascadeContext> options) : AppDbContext(options)
    {
        protected override bool IsUniqueConstraintViolation(DbException exception) => false;

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.Entity<MediaFile>().HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
