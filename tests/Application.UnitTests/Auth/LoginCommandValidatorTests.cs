using PersonaMedia.Application.Auth.Commands.Login;
using PersonaMedia.Application.UnitTests.Support;

namespace PersonaMedia.Application.UnitTests.Auth;

public class LoginCommandValidatorTests
{
    private readonly LoginCommandValidator _validator = new();

    [Test]
    public void Email_and_password_pass()
    {
        ValidationAssert.Passes(_validator.Validate(new LoginCommand("alice@example.com", "password123")));
    }

    // A short or unusual password is not a validation error at login: it simply does not match (401).
    [Test]
    public void A_short_password_is_left_to_the_credential_check()
    {
        ValidationAssert.Passes(_validator.Validate(new LoginCommand("alice@example.com", "x")));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Email_is_required(string? email)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new LoginCommand(email, "password123")), "email");
    }

    [TestCase(null)]
    [TestCase("")]
    public void Password_is_required(string? password)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(new LoginCommand("alice@example.com", password)), "password");
    }

    [Test]
    public void Email_over_254_characters_is_refused()
    {
        var email = new string('a', 255 - "@example.com".Length) + "@example.com";

        ValidationAssert.OnlyFieldFails(_validator.Validate(new LoginCommand(email, "password123")), "email");
    }

    [Test]
    public void Password_of_128_characters_passes_and_129_is_refused()
    {
        ValidationAssert.Passes(_validator.Validate(new LoginCommand("a@example.com", new string('p', 128))));
        ValidationAssert.OnlyFieldFails(_validator.Validate(new LoginCommand("a@example.com", new string('p', 129))), "password");
    }
}
