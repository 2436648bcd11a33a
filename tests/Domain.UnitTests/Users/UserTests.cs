using PersonaMedia.Domain.Common;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Domain.UnitTests.Users;

public class UserTests
{
    private const string Hash = "hashed-password";

    private static readonly DateTime Now = new(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Register_keeps_what_was_given_and_normalizes_email_and_username()
    {
        var user = User.Register("Alice@Example.COM", "Alice", "Alice Liddell", Hash, Now);

        Assert.Multiple(() =>
        {
            Assert.That(user.Email, Is.EqualTo("Alice@Example.COM"));
            Assert.That(user.Username, Is.EqualTo("Alice"));
            Assert.That(user.FullName, Is.EqualTo("Alice Liddell"));
            Assert.That(user.NormalizedEmail, Is.EqualTo("ALICE@EXAMPLE.COM"));
            Assert.That(user.NormalizedUsername, Is.EqualTo("ALICE"));
            Assert.That(user.CreatedAt, Is.EqualTo(Now));
            Assert.That(user.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [TestCase("bob@example.com", "BOB@EXAMPLE.COM")]
    [TestCase("  Bob@Example.com\t", "BOB@EXAMPLE.COM")]
    [TestCase("bOb", "BOB")]
    // Invariant culture: a Turkish-style dotted/dotless i must not make two spellings of one name differ by locale.
    [TestCase("idil", "IDIL")]
    public void Normalize_is_case_insensitive_culture_invariant_and_ignores_surrounding_space(string value, string expected)
    {
        Assert.That(User.Normalize(value), Is.EqualTo(expected));
    }

    [Test]
    public void Two_spellings_of_one_email_normalize_alike_so_the_unique_index_sees_one_value()
    {
        var first = User.Register("carol@example.com", "carol", null, Hash, Now);
        var second = User.Register("CAROL@EXAMPLE.COM ", "CaRoL", null, Hash, Now);

        Assert.Multiple(() =>
        {
            Assert.That(second.NormalizedEmail, Is.EqualTo(first.NormalizedEmail));
            Assert.That(second.NormalizedUsername, Is.EqualTo(first.NormalizedUsername));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Email_is_required(string? email)
    {
        var error = Assert.Throws<DomainException>(() => User.Register(email!, "dave", null, Hash, Now));

        Assert.That(error.Message, Does.Contain("Email"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void Username_is_required(string? username)
    {
        var error = Assert.Throws<DomainException>(() => User.Register("dave@example.com", username!, null, Hash, Now));

        Assert.That(error.Message, Does.Contain("Username"));
    }

    [Test]
    public void Email_of_254_characters_is_accepted_and_255_refused()
    {
        var longest = new string('a', User.EmailMaxLength - "@example.com".Length) + "@example.com";

        Assert.That(User.Register(longest, "erin", null, Hash, Now).Email, Has.Length.EqualTo(254));
        Assert.Throws<DomainException>(() => User.Register("a" + longest, "erin", null, Hash, Now));
    }

    [Test]
    public void Username_of_50_characters_is_accepted_and_51_refused()
    {
        Assert.That(User.Register("f@example.com", new string('u', 50), null, Hash, Now).Username, Has.Length.EqualTo(50));
        Assert.Throws<DomainException>(() => User.Register("f@example.com", new string('u', 51), null, Hash, Now));
    }

    [Test]
    public void Full_name_is_optional_up_to_100_characters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(User.Register("g@example.com", "gina", null, Hash, Now).FullName, Is.Null);
            Assert.That(User.Register("g@example.com", "gina", new string('n', 100), Hash, Now).FullName, Has.Length.EqualTo(100));
        });
        var error = Assert.Throws<DomainException>(() => User.Register("g@example.com", "gina", new string('n', 101), Hash, Now));
        Assert.That(error.Message, Does.Contain("Full name").And.Contain("100"));
    }

    [TestCase(DateTimeKind.Local)]
    [TestCase(DateTimeKind.Unspecified)]
    public void A_time_that_is_not_utc_is_refused(DateTimeKind kind)
    {
        var time = DateTime.SpecifyKind(Now, kind);

        Assert.Throws<DomainException>(() => User.Register("h@example.com", "hank", null, Hash, time));
    }

    [Test]
    public void Password_hash_is_required_and_bounded()
    {
        var user = User.Register("i@example.com", "ivan", null, new string('h', User.PasswordHashMaxLength), Now);

        Assert.That(user.PasswordHash, Has.Length.EqualTo(User.PasswordHashMaxLength));
        Assert.Throws<DomainException>(() => User.Register("i@example.com", "ivan", null, "", Now));
        Assert.Throws<DomainException>(() => User.Register("i@example.com", "ivan", null, new string('h', User.PasswordHashMaxLength + 1), Now));
    }
}
