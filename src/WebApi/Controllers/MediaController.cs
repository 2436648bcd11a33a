using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PersonaMedia.Application.Common.Models;
using PersonaMedia.Application.Media;
using PersonaMedia.Application.Media.Commands.DeleteMediaFile;
using PersonaMedia.Application.Media.Commands.UpdateMediaDescription;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Application.Media.Queries.DownloadMediaFile;
using PersonaMedia.Application.Media.Queries.GetMediaFile;
using PersonaMedia.Application.Media.Queries.GetUploadStats;
using PersonaMedia.Application.Media.Queries.ListPersonaMedia;
using PersonaMedia.Application.Personas.Queries.GetPersona;
using PersonaMedia.Domain.Media;
using PersonaMedia.WebApi.Infrastructure;

namespace PersonaMedia.WebApi.Controllers;

[Route("upload")]
[Tags("Media")]
/// <summary>
/// Every media endpoint: uploads, listing, info, download, description, delete, stats. The routes
/// keep the original service's <c>/upload</c> prefix.
/// </summary>
public sealed class MediaController(ISender sender) : ApiControllerBase
{
    /// <summary>Uploads a JPEG or PNG image (multipart field <c>file</c>, optional <c>description</c>).</summary>
    [HttpPost("persona/{personaId:int}/image")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(UploadFormLimits.MaxRequestBodyBytes)]
    [DisableFormValueModelBinding]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    public Task<MediaFileDto> UploadImage(int personaId, CancellationToken cancellationToken) =>
        Upload(personaId, MediaType.Image, cancellationToken);

    /// <summary>Uploads an MP4 video (multipart field <c>file</c>, optional <c>description</c>).</summary>
    [HttpPost("persona/{personaId:int}/video")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(UploadFormLimits.MaxRequestBodyBytes)]
    [DisableFormValueModelBinding]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    public Task<MediaFileDto> UploadVideo(int personaId, CancellationToken cancellationToken) =>
        Upload(personaId, MediaType.Video, cancellationToken);

    /// <summary>A persona's files, newest first, one page at a time.</summary>
    [HttpGet("persona/{personaId:int}/files")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<IReadOnlyList<MediaFileDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IReadOnlyList<MediaFileDto>> List(
        int personaId,
        [FromQuery(Name = "media_type"), ModelBinder<MediaTypeQueryBinder>] MediaType? mediaType,
        CancellationToken cancellationToken,
        [FromQuery(Name = "limit")] int limit = ListPersonaMediaQuery.MaxLimit,
        [FromQuery(Name = "offset")] int offset = 0)
    {
        var page = await sender.Send(new ListPersonaMediaQuery(personaId, mediaType, limit, offset), cancellationToken);
        Response.Headers["X-Total-Count"] = page.TotalCount.ToString(CultureInfo.InvariantCulture);
        if (PagingLinks.For(Request.Path, mediaType, page) is { Length: > 0 } links)
        {
            Response.Headers[HeaderNames.Link] = links;
        }

        return page.Items;
    }

    [HttpGet("files/{fileId:int}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    public async Task<MediaFileDto> Get(int fileId, CancellationToken cancellationToken) =>
        await sender.Send(new GetMediaFileQuery(fileId), cancellationToken);

    /// <summary>
    /// The stored bytes, with range requests (206/416) and conditional requests (304, If-Range)
    /// served; HEAD answers the same headers without the bytes.
    /// </summary>
    [HttpGet("files/{fileId:int}/download")]
    [HttpHead("files/{fileId:int}/download")]
    [IgnoreUnsupportedRanges]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Produces("application/octet-stream", "image/jpeg", "image/png", "video/mp4")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status416RangeNotSatisfiable)]
    public async Task<FileStreamResult> Download(int fileId, CancellationToken cancellationToken)
    {
        var (file, content) = await sender.Send(new DownloadMediaFileQuery(fileId), cancellationToken);
        Response.Headers.ContentDisposition = ContentDispositions.Attachment(file.OriginalFilename);
        // The signed-in user's own bytes: their browser may keep them, no shared cache may.
        Response.Headers.CacheControl = "private";
        return File(
            content,
            file.MimeType,
            lastModified: new DateTimeOffset(file.CreatedAt),
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""),
            enableRangeProcessing: true);
    }

    /// <summary>Changes the description; it comes as a form field (urlencoded or multipart).</summary>
    [HttpPut("files/{fileId:int}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("application/x-www-form-urlencoded", "multipart/form-data")]
    [RequestSizeLimit(SmallFormLimit)]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<MediaFileDto> SetDescriptionFromForm(
        int fileId, [FromForm(Name = "description")] string? description, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateMediaDescriptionCommand(fileId, description), cancellationToken);

    /// <summary>Changes the description; it comes as JSON <c>{"description": ...}</c>.</summary>
    [HttpPut("files/{fileId:int}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("application/json")]
    [RequestSizeLimit(SmallFormLimit)]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<MediaFileDto> SetDescriptionFromJson(
        int fileId, DescriptionRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateMediaDescriptionCommand(fileId, request.Description), cancellationToken);

    /// <summary>
    /// A PUT without a Content-Type: MVC finds both actions above equally fit for such a request and
    /// would answer 500 (ambiguous match); an action without a [Consumes] wins that tie, and says 415.
    /// A body of any other type still gets its 415 from the actions' own [Consumes].
    /// </summary>
    [HttpPut("files/{fileId:int}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public UnsupportedMediaTypeResult SetDescriptionWithoutContentType(int fileId) => new();

    /// <summary>Deletes the file's row and its stored bytes.</summary>
    [HttpDelete("files/{fileId:int}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<DetailResponse>(StatusCodes.Status200OK)]
    public async Task<DetailResponse> Delete(int fileId, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteMediaFileCommand(fileId), cancellationToken);

    /// <summary>The caller's usage, aggregated by the database.</summary>
    [HttpGet("stats")]
    [ProducesResponseType<UploadStatsDto>(StatusCodes.Status200OK)]
    public async Task<UploadStatsDto> Stats(CancellationToken cancellationToken) =>
        await sender.Send(new GetUploadStatsQuery(), cancellationToken);

    public sealed record DescriptionRequest(string? Description);

    private const long SmallFormLimit = 64 * 1024;

    private async Task<MediaFileDto> Upload(int personaId, MediaType mediaType, CancellationToken cancellationToken)
    {
        // Rule 1 comes before anything of the body is read: someone else's persona is 404
        // whatever the body holds, too large or without a boundary.
        await sender.Send(new GetPersonaQuery(personaId), cancellationToken);

        var form = await MultipartUpload.ReadToFileAsync(Request, cancellationToken);
        return await sender.Send(
            new UploadMediaCommand(
                personaId, mediaType, form.FileName, form.ContentType, form.Description, form.Content, form.CompleteAsync),
            cancellationToken);
    }
}
