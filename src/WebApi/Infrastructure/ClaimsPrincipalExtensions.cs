using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PersonaMedia.WebApi.Infrastructure;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The user id a validated token names in its <c>sub</c> claim; null when it names none.</summary>
    public static int? GetUserId(this ClaimsPrincipal? principal) =>
        int.TryParse(
            principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
