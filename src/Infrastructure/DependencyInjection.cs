using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Delivery;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.Infrastructure.Health;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Media;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.Infrastructure.Quota;
using PersonaMedia.Infrastructure.Repositories;
using PersonaMedia.Infrastructure.Settings;
using PersonaMedia.Infrastructure.Telemetry;

namespace PersonaMedia.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    /// <summary>Where the service keeps its own files (SQLite database, generated development key), under the content root.</summary>
    public const string DataFolder = "data";

    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPersistence(configuration, environment);
        services.AddIdentityServices(configuration, environment);
        services.AddFileStore(configuration, environment);
        services.AddReadinessChecks(configuration, environment);
        services.AddMediaDelivery(configuration, environment);
        services.AddMediaProcessing(configuration);
        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.AddValidatedSettings<DatabaseOptions>(section, o => o.Problems())
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));

        // The one place where the database provider is chosen. The choice reads the setting; whether
        // it is a valid one is the validator's to say, at start (an unknown name never gets that far).
        switch (DatabaseOptions.ParseProvider(section[nameof(DatabaseOptions.Provider)]))
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<SqlServerAppDbContext>((sp, o) =>
                {
                    var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                    o.UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure(
                        database.MaxRetryCount, TimeSpan.FromSeconds(database.MaxRetryDelaySeconds), errorNumbersToAdd: null));
                });
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            default:
                services.AddDbContextPool<SqliteAppDbContext>((sp, o) =>
                {
                    var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                    o.UseSqlite(database.SqliteConnectionString(environment.ContentRootPath))
                        .AddInterceptors(new SqliteConnectionInterceptor(database.SqliteSynchronousPragma!), new SqlitePoolRecovery());
                });
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddSingleton<IFaultTranslator, ProviderFaults>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IRefreshTokenRepository, RefreshTokenRepository>();
        services.AddScoped<IPersonaRepository, PersonaRepository>();
        services.AddScoped<IMediaFileRepository, MediaFileRepository>();
        services.AddScoped<IPendingDeletionRepository, PendingDeletionRepository>();
        services.AddScoped<IUploadIdempotencyKeyRepository, UploadIdempotencyKeyRepository>();
        services.AddHostedService<IdempotencyKeyPurger>();
        services.AddValidatedSettings<StorageQuotaOptions>(configuration.GetSection(StorageQuotaOptions.SectionName), o => o.Problems());
        services.AddScoped<IStorageQuota, StorageQuota>();
    }

    /// <summary>
    /// The dependency checks of <c>/health/ready</c>: a database write, a store probe of real bytes
    /// (both registered with their provider), and free space under the local data folders.
    /// </summary>
    private static void AddReadinessChecks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddValidatedSettings<HealthOptions>(configuration.GetSection(HealthOptions.SectionName), o => o.Problems());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HealthProbeCache>();
        services.AddSingleton(sp =>
        {
            var folders = new List<(string, string)>();
            if (sp.GetService<LocalFileStore>() is { } store)
            {
                folders.Add(("the upload folder", store.RootPath));
            }

            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (database.Kind != DatabaseProvider.SqlServer && database.SqliteFile(environment.ContentRootPath) is { } file)
            {
                folders.Add(("the SQLite database's folder", Path.GetDirectoryName(file)!));
            }

            return new LocalDataFolders(folders);
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<FreeSpaceHealthCheck>(FreeSpaceHealthCheck.Name, tags: [ReadyTag]);
    }

    private static void AddIdentityServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The one binding of the Jwt section: the WebApi's bearer validation reads these same options.
        services.AddValidatedSettings<JwtOptions>(configuration.GetSection(JwtOptions.SectionName), o => o.Problems(environment.IsDevelopment()));

        // Resolved (and in Development generated) by the start-up initialiser, never while registering.
        services.AddSingleton(sp => SigningKeyProvider.ResolveAll(
            sp.GetRequiredService<IOptions<JwtOptions>>().Value,
            environment.IsDevelopment(),
            Path.Combine(environment.ContentRootPath, DataFolder)));
        // The key that signs (the first); the bearer validation takes every one of the set.
        services.AddSingleton(sp => sp.GetRequiredService<SigningKeySet>().Current);
        services.AddSingleton<ITokenService, TokenService>();
        services.AddSingleton<SecurityStampCache>();
        services.AddValidatedSettings<PasswordHashingOptions>(configuration.GetSection(PasswordHashingOptions.SectionName), o => o.Problems());
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<IConfusableSkeleton, IcuConfusableSkeleton>();
    }

    private static void AddFileStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(StorageOptions.SectionName);
        services.AddValidatedSettings<StorageOptions>(section, o => o.Problems());

        services.AddValidatedSettings<PendingDeletionsOptions>(
            configuration.GetSection(PendingDeletionsOptions.SectionName), o => o.Problems());
        services.AddSingleton<PendingDeletionsRetrier>();
        services.AddHostedService(sp => sp.GetRequiredService<PendingDeletionsRetrier>());

        services.AddValidatedSettings<ReconcilerOptions>(
            configuration.GetSection(ReconcilerOptions.SectionName), o => o.Problems());
        services.AddMetrics();
        services.AddSingleton<StoreReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreReconciler>());
        services.AddHealthChecks().AddCheck<ReconciliationHealthCheck>(ReconciliationHealthCheck.Name, tags: [ReadyTag]);

        // The one place where the file store is chosen; an unknown provider is refused at start by the validator.
        switch (StorageOptions.ParseProvider(section[nameof(StorageOptions.Provider)]))
        {
            case StorageProvider.AzureBlob:
                services.AddValidatedSettings<AzureBlobFileStoreOptions>(
                    configuration.GetSection(AzureBlobFileStoreOptions.SectionName), o => o.Problem() is { } p ? [p] : []);
                services.AddSingleton<AzureBlobFileStore>();
                // A remote store can accept a connection and never answer: every call gets a deadline.
                // (A local disk call is a system call that no deadline could interrupt.)
                services.AddSingleton<IFileStore>(sp => new InstrumentedFileStore(
                    new DeadlineFileStore(
                        sp.GetRequiredService<AzureBlobFileStore>(),
                        sp.GetRequiredService<IOptions<StorageOptions>>().Value.OperationTimeout),
                    "azure_blob",
                    sp.GetRequiredService<IMeterFactory>()));
                services.AddHostedService<AzureBlobContainerInitialiser>();
                services.AddHealthChecks().AddCheck<AzureBlobFileStoreHealthCheck>(
                    "file-store", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));
                break;
            default:
                services.AddValidatedSettings<LocalFileStoreOptions>(
                    configuration.GetSection(LocalFileStoreOptions.SectionName), o => o.Problems());
                services.AddSingleton(sp => new LocalFileStore(
                    sp.GetRequiredService<IOptions<LocalFileStoreOptions>>(), environment.ContentRootPath));
                services.AddSingleton<IFileStore>(sp => new InstrumentedFileStore(
                    sp.GetRequiredService<LocalFileStore>(), "local", sp.GetRequiredService<IMeterFactory>()));
                services.AddHealthChecks().AddCheck<LocalFileStoreHealthCheck>(
                    "file-store", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));
                break;
        }
    }
}
