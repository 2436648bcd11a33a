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
using PersonaMedia.WebApi.OpenApi;

namespace PersonaMedia.WebApi.Controllers;

[Route("personas")]
[Tags("Personas")]
public sealed class PersonasController(ISender sender) : ApiControllerBase
{
    [HttpPost]
    [EndpointName("createPersona")]
    [EndpointSummary("Create a persona")]
    [EndpointDescription("Creates a persona of the signed-in user.")]
    [Consumes("application/json")]
    [ProducesResponseType<PersonaDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<PersonaDto> Create(PersonaRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new CreatePersonaCommand(request.Name, request.Description, request.RelationType), cancellationToken);

    [HttpGet]
    [EndpointName("listPersonas")]
    [EndpointSummary("List your personas")]
    [EndpointDescription("All personas of the signed-in user.")]
    [ProducesResponseType<IReadOnlyList<PersonaDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<PersonaDto>> List(CancellationToken cancellationToken) =>
        await sender.Send(new ListPersonasQuery(), cancellationToken);

    [HttpGet("{id:int}")]
    [EndpointName("getPersona")]
    [EndpointSummary("Get a persona")]
    [EndpointDescription("One of the signed-in user's personas; another user's persona is answered 404, like one that does not exist.")]
    [ProducesResponseType<PersonaDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ResponseHeader("ETag", "The strong entity tag of this version; send it back in `If-Match` to update only this version.", StatusCodes.Status200OK)]
    public async Task<PersonaDto> Get(int id, CancellationToken cancellationToken) =>
        await sender.Send(new GetPersonaQuery(id), cancellationToken);

    [HttpPut("{id:int}")]
    [EndpointName("updatePersona")]
    [EndpointSummary("Replace a persona")]
    [EndpointDescription("Replaces the persona's name, description and relation type; a member left out becomes null. With If-Match, only if the persona is still the version of that ETag (412 otherwise).")]
    [Consumes("application/json")]
    [ProducesResponseType<PersonaDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ResponseHeader("ETag", "The strong entity tag of this version; send it back in `If-Match` to update only this version.", StatusCodes.Status200OK)]
    public async Task<PersonaDto> Update(int id, PersonaRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new UpdatePersonaCommand(id, request.Name, request.Description, request.RelationType, EntityTags.IfMatchOf(Request)),
            cancellationToken);

    [HttpDelete("{id:int}")]
    [EndpointName("deletePersona")]
    [EndpointSummary("Delete a persona")]
    [EndpointDescription("Deletes the persona with all its media files and their stored bytes.")]
    [ProducesResponseType<DetailResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<DetailResponse> Delete(int id, CancellationToken cancellationToken) =>
        await sender.Send(new DeletePersonaCommand(id), cancellationToken);

    /// <summary>The body of a persona create or update; the id comes from the route, never from here.</summary>
    public sealed record PersonaRequest(string? Name, string? Description = null, string? RelationType = null);
}
