using PersonaMedia.Application.Personas.Commands.UpdatePersona;
using PersonaMedia.Application.UnitTests.Support;

namespace PersonaMedia.Application.UnitTests.Personas;

/// <summary>An update replaces the whole persona, so it obeys exactly the rules of a create.</summary>
public class UpdatePersonaCommandValidatorTests
{
    private readonly UpdatePersonaCommandValidator _validator = new();

    [Test]
    public void A_full_replacement_passes()
    {
        ValidationAssert.Passes(_validator.Validate(new UpdatePersonaCommand(1, new string('n', 100), new string('d', 2000), new string('r', 50))));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("\t")]
    public void Name_is_required(string? name)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new UpdatePersonaCommand(1, name, null, null)), "name");
    }

    [Test]
    public void Name_of_101_characters_is_refused()
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new UpdatePersonaCommand(1, new string('n', 101), null, null)), "name");
    }

    [Test]
    public void Description_of_2001_characters_is_refused()
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new UpdatePersonaCommand(1, "P", new string('d', 2001), null)), "description");
    }

    [Test]
    public void Relation_type_of_51_characters_is_refused()
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new UpdatePersonaCommand(1, "P", null, new string('r', 51))), "relation_type");
    }
}
