using PersonaMedia.Domain.Common;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Domain.UnitTests.Users;

public class UserTests
{
    private const string Hash = "hashed-password";
    private const string Skeleton = "skeleton";

    private static readonly DateTime Now = new(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Register_keeps_what_was_given_and_normalizes_email_and_username()
    {
        var user = User.Register("Alice@Example.COM", "Alice", Skeleton, "Alice Liddell", Hash, Now);

        Assert.Multiple(() =>
        {
            Assert.That(user.Email, Is.EqualTo("Alice@example.com"), "the domain is lower-cased, the local part kept");
            Assert.That(user.Username, Is.EqualTo("Alice"));
            Assert.That(user.FullName, Is.EqualTo("Alice Liddell"));
            Assert.That(user.NormalizedEmail, Is.EqualTo("ALICE@EXAMPLE.COM"));
            Assert.That(user.NormalizedUsername, Is.EqualTo("ALICE"));
            Assert.That(user.UsernameSkeleton, Is.EqualTo(Skeleton));
            Assert.That(user.CreatedAt, Is.EqualTo(Now));
            Assert.That(user.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [TestCase("bob@example.com", "BOB@EXAMPLE.COM")]
    [TestCase("  Bob@Example.com\t", "BOB@EXAMPLE.COM")]
    [TestCase("ｂｏｂ@example.com", "BOB@EXAMPLE.COM")]
    [TestCase("bob@BÜCHER.example", "BOB@XN--BCHER-KVA.EXAMPLE")]
    [TestCase("bob@xn--bcher-kva.example", "BOB@XN--BCHER-KVA.EXAMPLE")]
    public void Emails_normalize_case_insensitively_with_nfkc_local_part_and_ascii_domain(string value, string expected)
    {
        Assert.That(EmailAddress.Normalize(value), Is.EqualTo(expected));
    }

    [TestCase("bOb", "BOB")]
    [TestCase(" bob ", "BOB")]
    // Invariant culture: a Turkish-style dotted/dotless i must not make two spellings of one name differ by locale.
    [TestCase("idil", "IDIL")]
    [TestCase("ａｌｉｃｅ", "ALICE")]
    [TestCase("\u212Aate", "KATE")]
    public void Usernames_normalize_to_nfkc_case_insensitively_and_culture_invariantly(string value, string expected)
    {
        Assert.That(UsernameRules.Normalize(value), Is.EqualTo(expected));
    }

    [Test]
    public void A_unicode_domain_is_kept_lower_cased_in_its_unicode_form()
    {
        Assert.That(User.Register("Bob@BÜCHER.Example", "bob", Skeleton, null, Hash, Now).Email, Is.EqualTo("Bob@bücher.example"));
    }

    [TestCase("a\r\nBcc: victim@example.com@example.com")]
    [TestCase("a\nb@example.com")]
    [TestCase("<script>@example.com")]
    [TestCase("a b@example.com")]
    [TestCase("ab@exa mple.com")]
    [TestCase("ab@example.com>")]
    [TestCase("a@b@example.com")]
    [TestCase("a\u200B@example.com")]
    [TestCase(".ab@example.com")]
    [TestCase("a..b@example.com")]
    [TestCase("ab@localhost")]
    [TestCase("ab@-example.com")]
    [TestCase("ab@exa_mple.com")]
    public void An_email_that_is_not_a_plain_address_is_refused(string email)
    {
        var error = Assert.Throws<DomainException>(() => User.Register(email, "dave", Skeleton, null, Hash, Now));

        Assert.That(error.Field, Is.EqualTo("email"));
    }

    [Test]
    public void The_local_part_may_have_64_bytes_and_not_65()
    {
        Assert.That(EmailAddress.Problem(new string('a', 64) + "@example.com"), Is.Null);
        Assert.That(EmailAddress.Problem(new string('a', 65) + "@example.com"), Does.Contain("64 bytes"));
        Assert.That(EmailAddress.Problem(new string('é', 33) + "@example.com"), Does.Contain("64 bytes"), "bytes, not characters");
    }

    [TestCase("new\nline")]
    [TestCase("nul\u0000")]
    [TestCase("alice\u200B")]
    [TestCase("\u202Eecila")]
    [TestCase("al\u200Dice")]
    [TestCase("ali\uFEFFce")]
    [TestCase("al\u2066ice")]
    [TestCase("ali\u034Fce")]
    [TestCase("\u3164alice")]
    [TestCase("alice\uE000")]
    public void A_username_with_control_invisible_or_direction_characters_is_refused(string username)
    {
        var error = Assert.Throws<DomainException>(() => User.Register("dave@example.com", username, Skeleton, null, Hash, Now));

        Assert.That(error.Field, Is.EqualTo("username"));
    }

    [Test]
    public void A_username_with_an_unpaired_surrogate_is_refused()
    {
        // Not a test case: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        var error = Assert.Throws<DomainException>(() => User.Register("dave@example.com", "alice\uD800", Skeleton, null, Hash, Now));

        Assert.That(error.Field, Is.EqualTo("username"));
    }

    [Test]
    public void A_username_is_kept_in_nfkc()
    {
        Assert.That(User.Register("k@example.com", "\u212Aate ｆｕｌｌ", Skeleton, null, Hash, Now).Username, Is.EqualTo("Kate full"));
    }

    [Test]
    public void Two_spellings_of_one_email_normalize_alike_so_the_unique_index_sees_one_value()
    {
        var first = User.Register("carol@example.com", "carol", Skeleton, null, Hash, Now);
        var second = User.Register("CAROL@EXAMPLE.COM ", "CaRoL", Skeleton, null, Hash, Now);

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
        var error = Assert.Throws<DomainException>(() => User.Register(email!, "dave", Skeleton, null, Hash, Now));

        Assert.That(error.Message, Does.Contain("email").IgnoreCase);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void Username_is_required(string? username)
    {
        var error = Assert.Throws<DomainException>(() => User.Register("dave@example.com", username!, Skeleton, null, Hash, Now));

        Assert.That(error.Message, Does.Contain("username").IgnoreCase);
    }

    [Test]
    public void Email_of_254_characters_is_accepted_and_255_refused()
    {
        var domain = $"{new string('b', 63)}.{new string('c', 63)}.{new string('d', 57)}.com";
        var longest = new string('a', EmailAddress.LocalPartMaxBytes) + "@" + domain;

        Assert.That(User.Register(longest, "erin", Skeleton, null, Hash, Now).Email, Has.Length.EqualTo(254));
        Assert.Throws<DomainException>(() => User.Register(longest.Replace("@b", "@bb", StringComparison.Ordinal), "erin", Skeleton, null, Hash, Now));
    }

    [Test]
    public void Username_of_50_characters_is_accepted_and_51_refused()
    {
        Assert.That(User.Register("f@example.com", new string('u', 50), Skeleton, null, Hash, Now).Username, Has.Length.EqualTo(50));
        Assert.Throws<DomainException>(() => User.Register("f@example.com", new string('u', 51), Skeleton, null, Hash, Now));
    }

    [Test]
    public void Full_name_is_optional_up_to_100_characters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(User.Register("g@example.com", "gina", Skeleton, null, Hash, Now).FullName, Is.Null);
            Assert.That(User.Register("g@example.com", "gina", Skeleton, new string('n', 100), Hash, Now).FullName, Has.Length.EqualTo(100));
        });
        var error = Assert.Throws<DomainException>(() => User.Register("g@example.com", "gina", Skeleton, new string('n', 101), Hash, Now));
        Assert.That(error.Message, Does.Contain("Full name").And.Contain("100"));
    }

    [TestCase(DateTimeKind.Local)]
    [TestCase(DateTimeKind.Unspecified)]
    public void A_time_that_is_not_utc_is_refused(DateTimeKind kind)
    {
        var time = DateTime.SpecifyKind(Now, kind);

        Assert.Throws<DomainException>(() => User.Register("h@example.com", "hank", Skeleton, null, Hash, time));
    }

    [Test]
    public void Password_hash_is_required_and_bounded()
    {
        var user = User.Register("i@example.com", "ivan", Skeleton, null, new string('h', User.PasswordHashMaxLength), Now);

        Assert.That(user.PasswordHash, Has.Length.EqualTo(User.PasswordHashMaxLength));
        Assert.Throws<DomainException>(() => User.Register("i@example.com", "ivan", Skeleton, null, "", Now));
        Assert.Throws<DomainException>(() => User.Register("i@example.com", "ivan", Skeleton, null, new string('h', User.PasswordHashMaxLength + 1), Now));
    }
}
