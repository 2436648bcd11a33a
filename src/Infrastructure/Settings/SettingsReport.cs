using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PersonaMedia.Infrastructure.Files;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.Infrastructure.Persistence;

namespace PersonaMedia.Infrastructure.Settings;

/// <summary>The settings the service runs with, in one line for the start-up log, without secrets.</summary>
public static class SettingsReport
{
    public static string DescribeInfrastructure(this IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var root = environment.ContentRootPath;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var jwt = services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value.Kind == StorageProvider.AzureBlob
            ? DescribeAzure(services.GetRequiredService<IOptions<AzureBlobFileStoreOptions>>().Value)
            : DescribeLocal(services.GetRequiredService<IOptions<LocalFileStoreOptions>>().Value, root);
        var key = string.IsNullOrEmpty(jwt.SigningKey) ? $"generated in {Path.Combine(root, DependencyInjection.DataFolder)}" : "configured";
        return $"environment {environment.EnvironmentName}; content root {root}; database {database.Describe(root)}, "
            + $"migrate on start {database.MigrateOnStartup}; storage {storage}; "
            + $"JWT issuer {jwt.Issuer}, audience {jwt.Audience}, {jwt.AccessTokenMinutes} min tokens, signing key {key}";
    }

    private static string DescribeLocal(LocalFileStoreOptions local, string root) =>
        $"Local at {local.FullRootPath(root)}, flush to disk {local.FlushToDisk}";

    private static string DescribeAzure(AzureBlobFileStoreOptions azure)
    {
        var account = azure.ServiceUri?.GetLeftPart(UriPartial.Authority)
            ?? AccountFromConnectionString(azure.ConnectionString) ?? "(connection string)";
        var credential = string.IsNullOrWhiteSpace(azure.ConnectionString) ? "ambient identity" : "connection string";
        return $"AzureBlob at {account}, container {azure.Container}, {credential}";
    }

    private static string? AccountFromConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            return new Azure.Storage.Blobs.BlobServiceClient(connectionString).Uri.GetLeftPart(UriPartial.Authority);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
