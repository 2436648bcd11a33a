using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PersonaMedia.WebApi.Controllers;

/// <summary>
/// Every API controller needs a bearer token unless an action says otherwise, and answers JSON (its
/// results are DTOs, which only the JSON formatter writes). No [Produces] here: it relabels every
/// object result as application/json, MVC's problem+json for a 415 among them.
/// </summary>
[ApiController]
[Authorize]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public abstract class ApiControllerBase : ControllerBase;
