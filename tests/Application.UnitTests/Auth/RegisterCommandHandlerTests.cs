using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Auth.Commands.Register;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.UnitTests.Support;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.UnitTests.Auth;

public class RegisterCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 8, 30, 0, TimeSpan.Zero);

    private FakeUserRepository _users = null!;
    private FakeUnitOfWork _unitOfWork = null!;
    private FakeTokenService _tokens = null!;
    private RegisterCommandHandler _handler = null!;

    [SetUp]
    public void CreateHandler()
    {
        _users = new FakeUserRepository();
        _unitOfWork = new FakeUnitOfWork();
        _tokens = new FakeTokenService();
        var existing = User.Register("taken@example.com", "taken", "taken", null, "hashed:whatever", Now.UtcDateTime);
        _users.Add(existing);
        _handler = new RegisterCommandHandler(_users, _unitOfWork, new FakePasswordHasher(), new FakeConfusableSkeleton(),
            new SessionTokens(_tokens, new FakeRefreshTokenRepository(), new FixedTimeProvider(Now)), new FixedTimeProvider(Now));
    }

    [Test]
    public async Task A_new_user_is_saved_with_a_hashed_password_and_signed_in()
    {
        var token = await _handler.Handle(new RegisterCommand("new@example.com", "newbie", "password123", "New Bie"), CancellationToken.None);

        var saved = _users.Users.Single(u => u.Username == "newbie");
        Assert.Multiple(() =>
        {
            Assert.That(saved.PasswordHash, Is.EqualTo("hashed:password123"));
            Assert.That(saved.CreatedAt, Is.EqualTo(Now.UtcDateTime));
            Assert.That(saved.FullName, Is.EqualTo("New Bie"));
            Assert.That(saved.UsernameSkeleton, Is.EqualTo("newbie"));
            Assert.That(_unitOfWork.Saves, Is.EqualTo(2), "the account, then its first session (which needs its id)");
            Assert.That(token.AccessToken, Is.EqualTo("token-for-newbie"));
        });
    }

    [TestCase("TAKEN@example.com", "someone")]
    [TestCase("other@example.com", "Taken")]
    [TestCase("taken@EXAMPLE.com", "TAKEN")]
    [TestCase("other@example.com", "t\u0430ken")]
    public async Task A_taken_email_username_or_look_alike_is_one_conflict_that_does_not_say_which(string email, string username)
    {
        const string detail = RegisterCommandHandler.AlreadyRegistered;
        var error = await Assert.ThrowsAsync<ConflictException>(
            async () => await _handler.Handle(new RegisterCommand(email, username, "password123", null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(detail));
            Assert.That(error.Message, Does.Contain("already registered"));
            Assert.That(_unitOfWork.Saves, Is.Zero);
            Assert.That(_tokens.Issued, Is.Empty);
        });
    }

    [Test]
    public async Task Losing_the_race_to_the_unique_index_is_the_same_conflict()
    {
        // Both registrations passed the check; the database's unique index refuses the second.
        _unitOfWork.FailWithUniqueConstraint = true;

        var error = await Assert.ThrowsAsync<ConflictException>(
            async () => await _handler.Handle(new RegisterCommand("racer@example.com", "racer", "password123", null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(RegisterCommandHandler.AlreadyRegistered));
            Assert.That(_tokens.Issued, Is.Empty);
        });
    }

    [Test]
    public void The_command_never_prints_the_password()
    {
        var text = new RegisterCommand("a@example.com", "a", "s3cret-Passw0rd", null).ToString();

        Assert.That(text, Does.Not.Contain("s3cret-Passw0rd"));
    }
}
