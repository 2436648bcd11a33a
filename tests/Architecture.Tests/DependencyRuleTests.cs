using System.Reflection;
using NetArchTest.Rules;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.Architecture.Tests;

/// <summary>
/// The layers' dependency rule: Domain depends on nothing, Application only on Domain and a few
/// abstractions, Infrastructure never on WebApi, and nothing on WebApi. Each rule is checked three
/// ways, so that adding a forbidden reference fails here even before any code uses it: in the
/// project files (and the MSBuild files they import), in what restore resolved, and in the
/// compiled assemblies' references and types.
/// </summary>
public class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(Persona).Assembly;
    private static readonly Assembly Application = typeof(PersonaMedia.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(PersonaMedia.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly WebApi = typeof(Program).Assembly;

    /// <summary>The packages Application may use: the mediator, validation and mapping libraries and extension abstractions.</summary>
    private static readonly string[] ApplicationPackages =
    [
        "Mediator.Abstractions", "FluentValidation", "FluentValidation.DependencyInjectionExtensions", "Riok.Mapperly",
    ];

    private static readonly string[] ApplicationAssemblies =
    [
        "PersonaMedia.Domain", "Mediator", "FluentValidation", "FluentValidation.DependencyInjectionExtensions", "Riok.Mapperly.Abstractions",
    ];

    private static readonly string[] EfCoreAndAspNetCore = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Data"];

    private static bool IsBaseLibrary(string name) =>
        name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal);

    private static bool IsExtensionsAbstractions(string name) =>
        name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && name.EndsWith(".Abstractions", StringComparison.Ordinal);

    private static bool StartsWithAny(string name, IEnumerable<string> prefixes) =>
        prefixes.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static string[] ReferencedAssemblies(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToArray();

    private static string[] FailingTypes(TestResult result) =>
        (result.FailingTypes ?? []).Select(t => t.FullName).ToArray();

    // --- Domain ---

    [Test]
    public void Domain_project_declares_no_reference_and_no_package()
    {
        var project = Repository.ProjectFile("Domain");

        Assert.Multiple(() =>
        {
            Assert.That(Repository.Sdk(project), Is.EqualTo("Microsoft.NET.Sdk"));
            Assert.That(Repository.Items(project, "ProjectReference"), Is.Empty);
            Assert.That(Repository.Items(project, "PackageReference"), Is.Empty);
            Assert.That(Repository.Items(project, "FrameworkReference"), Is.Empty);
        });
    }

    [Test]
    public void Domain_restores_no_package_and_no_framework_beyond_the_base_library()
    {
        var (direct, frameworks, closure) = Repository.Restored(Repository.ProjectFile("Domain"));

        Assert.Multiple(() =>
        {
            Assert.That(direct, Is.Empty);
            Assert.That(frameworks.Where(f => f != "Microsoft.NETCore.App"), Is.Empty);
            Assert.That(closure, Is.Empty);
        });
    }

    [Test]
    public void Domain_assembly_references_only_the_base_class_library()
    {
        Assert.That(ReferencedAssemblies(Domain).Where(name => !IsBaseLibrary(name)), Is.Empty);
    }

    [Test]
    public void Domain_types_depend_on_no_other_layer_and_no_framework()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("PersonaMedia.Application", "PersonaMedia.Infrastructure", "PersonaMedia.WebApi", "Microsoft")
            .GetResult();

        Assert.That(FailingTypes(result), Is.Empty);
    }

    // --- Application ---

    [Test]
    public void Application_project_references_only_domain_and_its_allowed_packages()
    {
        var project = Repository.ProjectFile("Application");
        var packages = Repository.Items(project, "PackageReference");

        Assert.Multiple(() =>
        {
            Assert.That(Repository.Sdk(project), Is.EqualTo("Microsoft.NET.Sdk"), "not the Web SDK, which brings ASP.NET Core");
            Assert.That(Repository.ProjectReferences(project), Is.EqualTo(["Domain"]));
            Assert.That(packages.Where(p => !ApplicationPackages.Contains(p) && !IsExtensionsAbstractions(p)), Is.Empty);
            Assert.That(Repository.Items(project, "FrameworkReference"), Is.Empty);
        });
    }

    [Test]
    public void Application_restores_neither_ef_core_nor_asp_net_core_even_transitively()
    {
        var (direct, frameworks, closure) = Repository.Restored(Repository.ProjectFile("Application"));

        Assert.Multiple(() =>
        {
            Assert.That(direct.Where(p => !ApplicationPackages.Contains(p) && !IsExtensionsAbstractions(p)), Is.Empty);
            Assert.That(frameworks.Where(f => f != "Microsoft.NETCore.App"), Is.Empty);
            Assert.That(closure.Where(p => StartsWithAny(p, EfCoreAndAspNetCore)), Is.Empty);
        });
    }

    [Test]
    public void Application_assembly_references_only_domain_the_allowed_libraries_and_abstractions()
    {
        var forbidden = ReferencedAssemblies(Application)
            .Where(name => !IsBaseLibrary(name) && !ApplicationAssemblies.Contains(name) && !IsExtensionsAbstractions(name));

        Assert.That(forbidden, Is.Empty);
    }

    [Test]
    public void Application_types_depend_on_neither_ef_core_asp_net_core_nor_outer_layers()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny([.. EfCoreAndAspNetCore, "PersonaMedia.Infrastructure", "PersonaMedia.WebApi"])
            .GetResult();

        Assert.That(FailingTypes(result), Is.Empty);
    }

    // --- Infrastructure and WebApi ---

    [Test]
    public void Infrastructure_does_not_reference_webapi()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOnAny("PersonaMedia.WebApi").GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(Repository.ProjectReferences(Repository.ProjectFile("Infrastructure")), Does.Not.Contain("WebApi"));
            Assert.That(ReferencedAssemblies(Infrastructure), Does.Not.Contain("PersonaMedia.WebApi"));
            Assert.That(FailingTypes(result), Is.Empty);
        });
    }

    [Test]
    public void No_source_project_references_webapi()
    {
        var referencing = Repository.SourceProjects()
            .Where(project => Repository.ProjectReferences(project).Contains("WebApi"))
            .Select(Path.GetFileName);

        Assert.Multiple(() =>
        {
            Assert.That(referencing, Is.Empty);
            foreach (var assembly in new[] { Domain, Application, Infrastructure })
            {
                Assert.That(ReferencedAssemblies(assembly), Does.Not.Contain(WebApi.GetName().Name), assembly.GetName().Name);
            }
        });
    }

    [Test]
    public void The_layers_point_inwards_project_by_project()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Repository.ProjectReferences(Repository.ProjectFile("Infrastructure")), Is.EqualTo(["Application"]));
            Assert.That(Repository.ProjectReferences(Repository.ProjectFile("WebApi")), Is.EqualTo(["Infrastructure"]));
        });
    }
}
