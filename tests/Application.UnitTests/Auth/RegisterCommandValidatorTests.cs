using PersonaMedia.Application.Auth.Commands.Register;
using PersonaMedia.Application.UnitTests.Support;

namespace PersonaMedia.Application.UnitTests.Auth;

public class RegisterCommandValidatorTests
{
    private const string Domain = "@example.com";

    private readonly RegisterCommandValidator _validator = new();

    private static RegisterCommand Valid() => new("alice@example.com", "alice", "password123", "Alice Liddell");

    [Test]
    public void A_complete_registration_passes()
    {
        ValidationAssert.Passes(_validator.Validate(Valid()));
    }

    [Test]
    public void Full_name_may_be_left_out()
    {
        ValidationAssert.Passes(_validator.Validate(Valid() with { FullName = null }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Email_is_required(string? email)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Email = email }), "email");
    }

    [TestCase("not-an-email")]
    [TestCase("alice@")]
    [TestCase("@example.com")]
    [TestCase("alice@bob@example.com")]
    public void Email_must_look_like_an_address(string email)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Email = email }), "email");
    }

    [TestCase("a\r\nb@example.com")]
    [TestCase("<script>@example.com")]
    [TestCase("a b@example.com")]
    [TestCase("ab@example")]
    public void Email_with_line_breaks_spaces_brackets_or_no_full_domain_is_refused(string email)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Email = email }), "email");
    }

    [Test]
    public void Email_of_254_characters_passes()
    {
        ValidationAssert.Passes(_validator.Validate(Valid() with { Email = LongEmail(254) }));
    }

    [Test]
    public void Email_of_255_characters_is_refused()
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Email = LongEmail(255) }), "email");
    }

    [Test]
    public void A_local_part_of_65_bytes_is_refused()
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Email = new string('a', 65) + Domain }), "email");
    }

    /// <summary>A 64-character local part (the most allowed) and a domain of labels no longer than 63.</summary>
    private static string LongEmail(int length)
    {
        var domain = $"{new string('b', 63)}.{new string('c', 63)}.{new string('d', length - 64 - 1 - 63 - 1 - 63 - 1 - 4)}.com";
        return new string('a', 64) + "@" + domain;
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void Username_is_required(string? username)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Username = username }), "username");
    }

    [Test]
    public void Username_of_50_characters_passes_and_51_is_refused()
    {
        ValidationAssert.Passes(_validator.Validate(Valid() with { Username = new string('u', 50) }));
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Username = new string('u', 51) }), "username");
    }

    [TestCase("ali\nce")]
    [TestCase("alice\0")]
    [TestCase("\u001balice")]
    [TestCase("alice\u200B")]
    [TestCase("\u202Eecila")]
    public void Username_with_control_characters_is_refused(string username)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Username = username }), "username");
    }

    [TestCase(8)]
    [TestCase(128)]
    public void Password_at_the_length_limits_passes(int length)
    {
        ValidationAssert.Passes(_validator.Validate(Valid() with { Password = new string('p', length) }));
    }

    [TestCase(7)]
    [TestCase(129)]
    public void Password_outside_8_to_128_characters_is_refused(int length)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Password = new string('p', length) }), "password");
    }

    [TestCase(null)]
    [TestCase("")]
    public void Password_is_required(string? password)
    {
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { Password = password }), "password");
    }

    [Test]
    public void Full_name_of_100_characters_passes_and_101_is_refused()
    {
        ValidationAssert.Passes(_validator.Validate(Valid() with { FullName = new string('f', 100) }));
        ValidationAssert.OnlyFieldFails(_validator.Validate(Valid() with { FullName = new string('f', 101) }), "full_name");
    }

    [Test]
    public void Every_broken_field_is_reported_at_once()
    {
        var result = _validator.Validate(new RegisterCommand("nope", "", "short", new string('f', 101)));

        Assert.That(
            result.Errors.Select(e => e.PropertyName).Distinct(),
            Is.EquivalentTo(["email", "username", "password", "full_name"]));
    }
}
