using DotNet.Testcontainers.Configurations;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// The one SQL Server container of a test run: started when the first fixture that needs it starts,
/// removed when the run ends. Each app gets a database of its own in it, created by the app's
/// own migrations at start.
/// </summary>
internal static class TestSqlServer
{
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    // A failed start is kept, so every later fixture fails with the same reason instead of retrying it.
    private static readonly Lazy<Task<MsSqlContainer>> Container = new(StartAsync);

    /// <summary>
    /// Settings that point a new app at a fresh database in the container. Ignores the calling
    /// fixture, with the reason, where no Docker engine is reachable; any other failure is a failure.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseSettingsAsync()
    {
        // Testcontainers resolves the endpoint once (DOCKER_HOST, the Docker context, the usual
        // sockets) and leaves it null when no engine answers; checking it costs no container start.
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            Assert.Ignore("Docker is not available: no Docker engine answered (DOCKER_HOST, the Docker context, "
                + "/var/run/docker.sock), so this fixture cannot start its SQL Server container.");
        }

        var container = await Container.Value;
        var connection = new SqlConnectionStringBuilder(container.GetConnectionString())
        {
            InitialCatalog = $"personamedia_tests_{Guid.NewGuid():N}",
        };
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Default"] = connection.ConnectionString,
        };
    }

    public static async Task StopAsync()
    {
        if (Container.IsValueCreated && Container.Value.IsCompletedSuccessfully)
        {
            await (await Container.Value).DisposeAsync();
        }
    }

    private static async Task<MsSqlContainer> StartAsync()
    {
        var container = new MsSqlBuilder(Image).Build();
        await container.StartAsync();
        return container;
    }
}
