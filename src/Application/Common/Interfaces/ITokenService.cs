using PersonaMedia.Application.Auth;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>Issues the bearer tokens that the API's authentication then validates.</summary>
public interface ITokenService
{
    TokenResponse CreateAccessToken(int userId, string username);
}
