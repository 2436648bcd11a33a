using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Domain.Storage;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Infrastructure.Persistence;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps
/// its own migrations (<c>Migrations/Sqlite</c>, <c>Migrations/SqlServer</c>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IUnitOfWork
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Persona> Personas => Set<Persona>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<PendingDeletion> PendingDeletions => Set<PendingDeletion>();
    public DbSet<UploadIdempotencyKey> UploadIdempotencyKeys => Set<UploadIdempotencyKey>();

    Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken) => SaveChangesAsync(cancellationToken);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // The UPDATE or DELETE matched no row: another request removed (or changed) it since it
            // was read. The statement's own row count decides, so this holds on SQL Server under
            // read committed as on SQLite.
            throw new ConcurrencyException(ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is DbException db && IsUniqueConstraintViolation(db))
        {
            throw new UniqueConstraintException(ex);
        }
    }

    /// <summary>Whether the provider's error says a unique index or key refused a row.</summary>
    protected abstract bool IsUniqueConstraintViolation(DbException exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Columns read like the API's JSON (snake_case), for operators querying the database by hand.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as UTC; neither provider remembers DateTimeKind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
