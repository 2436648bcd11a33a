using PersonaMedia.Application.Personas.Commands.CreatePersona;

namespace PersonaMedia.Application.UnitTests.Personas;

public class CreatePersonaCommandValidatorTests
{
    private readonly CreatePersonaCommandValidator _validator = new();

    [Test]
    public void Name_of_101_characters_is_refused_under_its_json_name()
    {
        var result = _validator.Validate(new CreatePersonaCommand(new string('n', 101), null, null));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(["name"]));
    }
}
