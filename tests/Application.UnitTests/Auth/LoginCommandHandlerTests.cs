using PersonaMedia.Application.Auth;
using PersonaMedia.Application.Auth.Commands.Login;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.UnitTests.Support;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.UnitTests.Auth;

public class LoginCommandHandlerTests
{
    private FakeUserRepository _users = null!;
    private FakePasswordHasher _hasher = null!;
    private FakeTokenService _tokens = null!;
    private LoginCommandHandler _handler = null!;

    [SetUp]
    public void CreateHandler()
    {
        _users = new FakeUserRepository();
        _hasher = new FakePasswordHasher();
        _tokens = new FakeTokenService();
        var alice = User.Register("alice@example.com", "alice", "alice", null, FakePasswordHasher.Hash("right-password"), DateTime.UtcNow);
        _users.Add(alice);
        _handler = new LoginCommandHandler(
            _users, _hasher, new SessionTokens(_tokens, new FakeRefreshTokenRepository(), TimeProvider.System), new FakeUnitOfWork(), new FakeSignInThrottle());
    }

    [Test]
    public async Task The_right_password_gets_a_token()
    {
        var token = await _handler.Handle(new LoginCommand("alice@example.com", "right-password"), CancellationToken.None);

        Assert.That(token.AccessToken, Is.EqualTo("token-for-alice"));
    }

    [Test]
    public async Task The_email_is_matched_whatever_its_case()
    {
        var token = await _handler.Handle(new LoginCommand("ALICE@Example.com", "right-password"), CancellationToken.None);

        Assert.That(token.AccessToken, Is.EqualTo("token-for-alice"));
    }

    [Test]
    public async Task A_wrong_password_fails_with_the_shared_message()
    {
        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(
            async () => await _handler.Handle(new LoginCommand("alice@example.com", "wrong-password"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(LoginCommandHandler.InvalidCredentials));
            Assert.That(_tokens.Issued, Is.Empty);
        });
    }

    [Test]
    public async Task An_unknown_email_fails_with_the_same_message_after_the_same_hashing_work()
    {
        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(
            async () => await _handler.Handle(new LoginCommand("nobody@example.com", "right-password"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(LoginCommandHandler.InvalidCredentials));
            // A password was still verified (against the hasher's dummy hash), so timing does not reveal unknown emails.
            Assert.That(_hasher.Verifications, Is.EqualTo(new[] { ((string?)null, "right-password") }));
            Assert.That(_tokens.Issued, Is.Empty);
        });
    }
}
