using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Persistence;

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    protected override bool IsUniqueConstraintViolation(DbException exception) =>
        exception is SqlException { Number: DuplicateKeyInUniqueIndex or UniqueConstraintViolation };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Idempotency keys are opaque: "abc" and "ABC" are two keys, as they are on SQLite, not one
        // as the server's default case-insensitive collation would have the unique index say.
        modelBuilder.Entity<UploadIdempotencyKey>().Property(k => k.Key).UseCollation("Latin1_General_100_BIN2");
    }
}
