using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>The caller, as the validated bearer token's <c>sub</c> claim names them.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public int Id =>
        int.TryParse(
            accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value,
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var id)
            ? id
            : throw new AuthenticationFailedException("Not authenticated");
}
