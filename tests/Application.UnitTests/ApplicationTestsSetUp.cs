using Microsoft.Extensions.DependencyInjection;

namespace PersonaMedia.Application.UnitTests;

/// <summary>Applies the application's global validation settings (snake_case field names) as the host does.</summary>
[SetUpFixture]
public sealed class ApplicationTestsSetUp
{
    [OneTimeSetUp]
    public void ConfigureApplication() => new ServiceCollection().AddApplication();
}
