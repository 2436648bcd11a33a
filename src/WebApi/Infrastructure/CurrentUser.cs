using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// The caller, as the validated bearer token names them. That the user still exists was checked
/// once for the request, at authentication (<see cref="TokenUserValidation"/>).
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public int Id => accessor.HttpContext?.User.GetUserId() ?? throw new AuthenticationFailedException("Not authenticated");
}
