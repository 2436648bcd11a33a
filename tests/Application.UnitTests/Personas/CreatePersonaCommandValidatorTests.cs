using PersonaMedia.Application.Personas.Commands.CreatePersona;
using PersonaMedia.Application.UnitTests.Support;

namespace PersonaMedia.Application.UnitTests.Personas;

public class CreatePersonaCommandValidatorTests
{
    private readonly CreatePersonaCommandValidator _validator = new();

    [Test]
    public void Name_alone_passes()
    {
        ValidationAssert.Passes(_validator.Validate(new CreatePersonaCommand("Grandma", null, null)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Name_is_required(string? name)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new CreatePersonaCommand(name, null, null)), "name");
    }

    [Test]
    public void Name_of_100_characters_passes()
    {
        ValidationAssert.Passes(_validator.Validate(new CreatePersonaCommand(new string('n', 100), null, null)));
    }

    [Test]
    public void Name_of_101_characters_is_refused_under_its_json_name()
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new CreatePersonaCommand(new string('n', 101), null, null)), "name");
    }

    [Test]
    public void Description_of_2000_characters_passes_and_2001_is_refused()
    {
        ValidationAssert.Passes(_validator.Validate(new CreatePersonaCommand("P", new string('d', 2000), null)));
        ValidationAssert.OnlyFieldFails(_validator.Validate(new CreatePersonaCommand("P", new string('d', 2001), null)), "description");
    }

    [Test]
    public void Relation_type_of_50_characters_passes_and_51_is_refused()
    {
        ValidationAssert.Passes(_validator.Validate(new CreatePersonaCommand("P", null, new string('r', 50))));
        ValidationAssert.OnlyFieldFails(_validator.Validate(new CreatePersonaCommand("P", null, new string('r', 51))), "relation_type");
    }

    [Test]
    public void Empty_description_and_relation_type_are_allowed()
    {
        ValidationAssert.Passes(_validator.Validate(new CreatePersonaCommand("P", "", "")));
    }
}
