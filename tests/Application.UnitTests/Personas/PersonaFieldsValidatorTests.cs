using FluentValidation.Results;
using PersonaMedia.Application.Personas.Commands.CreatePersona;
using PersonaMedia.Application.Personas.Commands.UpdatePersona;
using PersonaMedia.Application.UnitTests.Support;

namespace PersonaMedia.Application.UnitTests.Personas;

/// <summary>
/// The persona rules, run through both commands that carry them: an update replaces the whole
/// persona, so it obeys exactly the rules of a create.
/// </summary>
[TestFixtureSource(nameof(Commands))]
public class PersonaFieldsValidatorTests(string command)
{
    private static readonly string[] Commands = ["create", "update"];

    private ValidationResult Validate(string? name, string? description = null, string? relationType = null) =>
        command == "create"
            ? new CreatePersonaCommandValidator().Validate(new CreatePersonaCommand(name, description, relationType))
            : new UpdatePersonaCommandValidator().Validate(new UpdatePersonaCommand(1, name, description, relationType));

    [Test]
    public void Name_alone_passes()
    {
        ValidationAssert.Passes(Validate("Grandma"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t")]
    public void Name_is_required(string? name)
    {
        ValidationAssert.OnlyFieldFails(Validate(name), "name");
    }

    [Test]
    public void Name_of_100_characters_passes_and_101_is_refused_under_its_json_name()
    {
        ValidationAssert.Passes(Validate(new string('n', 100)));
        ValidationAssert.OnlyFieldFails(Validate(new string('n', 101)), "name");
    }

    [Test]
    public void Description_of_2000_characters_passes_and_2001_is_refused()
    {
        ValidationAssert.Passes(Validate("P", new string('d', 2000)));
        ValidationAssert.OnlyFieldFails(Validate("P", new string('d', 2001)), "description");
    }

    [Test]
    public void Relation_type_of_50_characters_passes_and_51_is_refused()
    {
        ValidationAssert.Passes(Validate("P", null, new string('r', 50)));
        ValidationAssert.OnlyFieldFails(Validate("P", null, new string('r', 51)), "relation_type");
    }

    [Test]
    public void Empty_description_and_relation_type_are_allowed()
    {
        ValidationAssert.Passes(Validate("P", "", ""));
    }
}
