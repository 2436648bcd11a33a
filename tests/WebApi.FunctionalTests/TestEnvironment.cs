namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// One combination of database and file store that the whole functional suite runs against.
/// Every functional fixture is parameterised by these (see <see cref="FunctionalTestBase"/>); an
/// environment whose backing service cannot run here skips its fixtures with the reason.
/// </summary>
public sealed record TestEnvironment(string Name, string DatabaseProvider, string StorageProvider)
{
    public const string DockerCategory = "Docker";

    public static readonly TestEnvironment SqliteLocal = new("Sqlite+Local", "Sqlite", "Local");
    public static readonly TestEnvironment SqlServerLocal = new("SqlServer+Local", "SqlServer", "Local");
    public static readonly TestEnvironment SqliteAzureBlob = new("Sqlite+AzureBlob", "Sqlite", "AzureBlob");

    /// <summary>The environments every functional fixture runs in.</summary>
    public static IEnumerable<TestEnvironment> All => [SqliteLocal, SqlServerLocal, SqliteAzureBlob];

    /// <summary>
    /// <see cref="All"/> as NUnit fixture parameters; those whose services run in Docker are in the
    /// <see cref="DockerCategory"/> category, so a run can select or leave them out.
    /// </summary>
    public static IEnumerable<TestFixtureData> Fixtures => All.Select(environment =>
    {
        var fixture = new TestFixtureData(environment);
        if (environment.NeedsDocker)
        {
            fixture.Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, DockerCategory);
        }

        return fixture;
    });

    /// <summary>SQL Server runs in a Testcontainers container.</summary>
    public bool NeedsDocker => DatabaseProvider == "SqlServer";

    public override string ToString() => Name;
}
