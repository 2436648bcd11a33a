using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PersonaMedia.WebApi.Infrastructure.Abuse;

namespace PersonaMedia.WebApi.Controllers;

/// <summary>
/// Every API controller needs a bearer token unless an action says otherwise, and answers JSON (its
/// results are DTOs, which only the JSON formatter writes). No [Produces] here: it relabels every
/// object result as application/json, MVC's problem+json for a 415 among them. The OpenAPI document
/// (<see cref="OpenApi.ApiContract"/>) adds the 401 of every operation that needs a token. Each
/// signed-in user's requests are counted (<see cref="RateLimits.PerUser"/>); sign-in actions count per address instead.
/// </summary>
[ApiController]
[Authorize]
[EnableRateLimiting(RateLimits.PerUser)]
public abstract class ApiControllerBase : ControllerBase;
