using System.Reflection;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.Architecture.Tests;

public class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(Persona).Assembly;

    [Test]
    public void Domain_references_only_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        Assert.That(references, Is.All.StartsWith("System."));
    }
}
