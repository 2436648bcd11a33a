using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the web host.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(DatabaseOptions.DefaultSqliteConnectionString)
            .Options);
}

internal sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    /// <summary>
    /// The migration bundle's database when it is run without <c>--connection</c>: compose's migrate
    /// service sets it, so the password is in the process's environment, not on its command line.
    /// </summary>
    public const string ConnectionVariable = "PERSONAMEDIA_MIGRATIONS_CONNECTION";

    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer(
                Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connection
                    ? connection
                    : "Server=localhost;Database=PersonaMedia;Integrated Security=false;TrustServerCertificate=true")
            .Options);
}
