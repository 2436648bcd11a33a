namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Failed sign-ins counted per account, so that guessing one account's password is slow from any
/// number of addresses, while nobody can lock the account's owner out from where they sign in.
/// The account is the normalised email, whether or not such an account exists (a refusal says
/// nothing about who is registered).
/// </summary>
public interface ISignInThrottle
{
    /// <summary>Throws <see cref="Exceptions.TooManyRequestsException"/> when sign-in to this account from this client is held back now.</summary>
    void EnsureAllowed(string account);

    /// <summary>Counts a wrong password (or an unknown account) against this account, from this client.</summary>
    void RecordFailure(string account);
}
