namespace PersonaMedia.WebApi.FunctionalTests;

/// <summary>
/// One combination of database and file store that the whole functional suite runs against.
/// Every functional fixture is parameterised by these (see <see cref="FunctionalTestBase"/>); an
/// environment whose backing service cannot run here skips its fixtures with the reason.
/// </summary>
public sealed record TestEnvironment(string Name, string DatabaseProvider, string StorageProvider)
{
    public static readonly TestEnvironment SqliteLocal = new("Sqlite+Local", "Sqlite", "Local");
    public static readonly TestEnvironment SqliteAzureBlob = new("Sqlite+AzureBlob", "Sqlite", "AzureBlob");

    /// <summary>The environments every functional fixture runs in.</summary>
    public static IEnumerable<TestEnvironment> All => [SqliteLocal, SqliteAzureBlob];

    public override string ToString() => Name;
}
