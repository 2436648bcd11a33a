using Microsoft.EntityFrameworkCore;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.IntegrationTests.Persistence;

/// <summary>The provider contexts as the service builds them, for tests that need the model but no server.</summary>
internal static class TestContexts
{
    /// <summary>Never opened: building the model, the create script and migration scripts need no SQL Server.</summary>
    public const string UnreachableSqlServer = "Server=.;Database=PersonaMedia;Integrated Security=false;TrustServerCertificate=true";

    public static SqlServerAppDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(UnreachableSqlServer).Options);

    public static SqliteAppDbContext Sqlite(string databasePath) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={databasePath}").Options);
}
