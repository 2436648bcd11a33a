using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PersonaMedia.WebApi.Controllers;

/// <summary>Every API controller needs a bearer token unless an action says otherwise, and answers JSON.</summary>
[ApiController]
[Authorize]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public abstract class ApiControllerBase : ControllerBase;
