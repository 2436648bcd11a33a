using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;

namespace PersonaMedia.Architecture.Tests;

/// <summary>Controllers are thin: they bind, send through the mediator, and return. No data access, no file I/O.</summary>
public class ControllerRuleTests
{
    private static readonly Type[] Controllers = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
        .ToArray();

    [Test]
    public void Controllers_are_found()
    {
        Assert.That(Controllers.Select(c => c.Name), Is.SupersetOf(["AuthController", "PersonasController"]));
    }

    [Test]
    public void Controllers_take_only_the_mediators_sender()
    {
        var injected = Controllers.SelectMany(c => c.GetConstructors()
            .SelectMany(ctor => ctor.GetParameters())
            .Where(p => p.ParameterType != typeof(ISender))
            .Select(p => $"{c.Name}({p.ParameterType.Name} {p.Name})"));

        Assert.That(injected, Is.Empty);
    }

    [Test]
    public void Controllers_hold_nothing_but_the_sender()
    {
        var fields = Controllers.SelectMany(c => c.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(f => f.FieldType != typeof(ISender))
            .Select(f => $"{c.Name}.{f.Name}: {f.FieldType.Name}"));

        Assert.That(fields, Is.Empty);
    }

    [Test]
    public void Controllers_use_no_repository_db_context_file_store_or_file_system()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().Inherit<ControllerBase>()
            .ShouldNot().HaveDependencyOnAny(
                "PersonaMedia.Infrastructure",
                "PersonaMedia.Application.Common.Interfaces",
                "Microsoft.EntityFrameworkCore",
                "System.IO.File",
                "System.IO.FileStream",
                "System.IO.Directory")
            .GetResult();

        Assert.That((result.FailingTypes ?? []).Select(t => t.FullName), Is.Empty);
    }
}
