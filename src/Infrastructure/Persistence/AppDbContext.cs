using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Domain.Storage;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Quota;

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
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken) => SaveChangesAsync(cancellationToken);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            var usage = StorageUsage.Of(ChangeTracker);
            var restamped = SecurityStampCache.ChangedIn(ChangeTracker);
            var written = usage.IsEmpty
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await SaveCountingUsageAsync(usage, acceptAllChangesOnSuccess, cancellationToken);
            if (restamped.Count > 0)
            {
                // Committed: this process's cached stamps of these accounts are stale from now on.
                ApplicationServices?.GetService<SecurityStampCache>()?.Forget(restamped);
            }

            return written;
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

    /// <summary>
    /// Saves media rows and the users' stored-byte counts they change in one transaction (see
    /// <see cref="StorageUsage"/>), under the execution strategy: SQL Server's retrying strategy runs
    /// the whole transaction again after a transient failure, with the changes still pending.
    /// </summary>
    private Task<int> SaveCountingUsageAsync(StorageUsage usage, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        // The application's setting; a context made without the application's services (tools, tests) has the default.
        var quotaBytes = ApplicationServices?.GetService<IOptions<StorageQuotaOptions>>()?.Value.QuotaBytesPerUser
            ?? StorageQuotaOptions.DefaultQuotaBytesPerUser;
        return Database.CreateExecutionStrategy().ExecuteAsync(
            (Usage: usage, Accept: acceptAllChangesOnSuccess, Quota: quotaBytes),
            async (_, state, ct) =>
            {
                await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
                await state.Usage.ApplyAsync(this, state.Quota, ct);
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                }

                if (state.Accept)
                {
                    ChangeTracker.AcceptAllChanges();
                }

                return written;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    /// <summary>The application's services; null for a context made without them (tools, tests).</summary>
    private IServiceProvider? ApplicationServices =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;

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
