using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.Infrastructure.Repositories;

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
        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        var provider = section.Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        // The one place where the database provider is chosen.
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
                services.AddDbContextPool<SqliteAppDbContext>(o => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(new SqliteConnectionInterceptor()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:Default is empty; set ConnectionStrings__Default.");
                }

                services.AddDbContextPool<SqlServerAppDbContext>(o => o
                    .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or SqlServer.");
        }

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IPersonaRepository, PersonaRepository>();
        services.AddScoped<IMediaFileRepository, MediaFileRepository>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag]);
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? DatabaseOptions.DefaultSqliteConnectionString : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':'))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    private static void AddIdentityServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(JwtOptions.SectionName);
        services.Configure<JwtOptions>(section);
        var jwt = section.Get<JwtOptions>() ?? new JwtOptions();

        // Resolved while the host is being built, so a missing or short key stops the start with its reason.
        var key = SigningKeyProvider.Resolve(
            jwt, environment.IsDevelopment(), Path.Combine(environment.ContentRootPath, DataFolder));
        services.AddSingleton(key);
        services.AddSingleton<ITokenService, TokenService>();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
    }

    private static void AddFileStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The one place where the file store is chosen.
        switch (ReadStorageProvider(configuration))
        {
            case StorageProvider.Local:
                services.Configure<LocalFileStoreOptions>(configuration.GetSection(LocalFileStoreOptions.SectionName));
                services.AddSingleton(sp => new LocalFileStore(
                    sp.GetRequiredService<IOptions<LocalFileStoreOptions>>(), environment.ContentRootPath));
                services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<LocalFileStore>());
                services.AddHostedService<AbandonedUploadsCleaner>();
                services.AddHealthChecks().AddCheck<LocalFileStoreHealthCheck>("file-store", tags: [ReadyTag]);
                break;
            case StorageProvider.AzureBlob:
                var section = configuration.GetSection(AzureBlobFileStoreOptions.SectionName);
                // Checked while the host is being built, so wrong settings stop the start with their reason.
                if ((section.Get<AzureBlobFileStoreOptions>() ?? new AzureBlobFileStoreOptions()).Problem() is { } problem)
                {
                    throw new InvalidOperationException(problem);
                }

                services.Configure<AzureBlobFileStoreOptions>(section);
                services.AddSingleton<AzureBlobFileStore>();
                services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<AzureBlobFileStore>());
                services.AddHostedService<AzureBlobContainerInitialiser>();
                services.AddHealthChecks().AddCheck<AzureBlobFileStoreHealthCheck>(
                    "file-store", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));
                break;
        }
    }

    private static StorageProvider ReadStorageProvider(IConfiguration configuration)
    {
        var configured = configuration["Storage:Provider"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return StorageProvider.Local;
        }

        return Enum.TryParse<StorageProvider>(configured, ignoreCase: true, out var provider)
            && Enum.IsDefined(provider) && !char.IsAsciiDigit(configured.Trim()[0])
            ? provider
            : throw new InvalidOperationException($"Storage:Provider '{configured}' is not supported; use Local or AzureBlob.");
    }

    /// <summary>Exposed so the host validates tokens with the very key the token service signs with.</summary>
    public static SymmetricSecurityKey GetSigningKey(this IServiceProvider services) =>
        services.GetRequiredService<SymmetricSecurityKey>();
}
