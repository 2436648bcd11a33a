using Mediator;
using Microsoft.AspNetCore.Mvc;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Application.Personas;
using PersonaMedia.Application.Personas.Commands.CreatePersona;
using PersonaMedia.Application.Personas.Commands.DeletePersona;
using PersonaMedia.Application.Personas.Commands.UpdatePersona;
using PersonaMedia.Application.Personas.Queries.GetPersona;
using PersonaMedia.Application.Personas.Queries.ListPersonas;
using PersonaMedia.WebApi.Infrastructure;

namespace PersonaMedia.WebApi.Controllers;

[Route("personas")]
[Tags("Personas")]
public sealed class PersonasController(ISender sender) : ApiControllerBase
{
    /// <summary>Creates a persona for the signed-in user.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<PersonaDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<PersonaDto> Create(CreatePersonaCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    /// <summary>The signed-in user's personas.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<PersonaDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<PersonaDto>> List(CancellationToken cancellationToken) =>
        await sender.Send(new ListPersonasQuery(), cancellationToken);

    /// <summary>One of the signed-in user's personas; another user's is answered 404.</summary>
    [HttpGet("{id:int}")]
    [ProducesResponseType<PersonaDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<PersonaDto> Get(int id, CancellationToken cancellationToken) =>
        await sender.Send(new GetPersonaQuery(id), cancellationToken);

    /// <summary>
    /// Replaces the persona's name, description and relation type; with <c>If-Match</c>, only if it
    /// is still the version of that ETag (412 otherwise).
    /// </summary>
    [HttpPut("{id:int}")]
    [Consumes("application/json")]
    [ProducesResponseType<PersonaDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public async Task<PersonaDto> Update(int id, PersonaRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new UpdatePersonaCommand(id, request.Name, request.Description, request.RelationType, EntityTags.IfMatchOf(Request)),
            cancellationToken);

    /// <summary>Deletes the persona with all its media files and their stored bytes.</summary>
    [HttpDelete("{id:int}")]
    [ProducesResponseType<DetailResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<DetailResponse> Delete(int id, CancellationToken cancellationToken) =>
        await sender.Send(new DeletePersonaCommand(id), cancellationToken);

    /// <summary>The body of a persona update; the id comes from the route, never from here.</summary>
    public sealed record PersonaRequest(string? Name, string? Description = null, string? RelationType = null);
}
