using System.ComponentModel;
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
using PersonaMedia.Application.Media.Queries.GetMediaFileUrl;
using PersonaMedia.Application.Media.Queries.GetThumbnail;
using PersonaMedia.Application.Media.Queries.GetUploadStats;
using PersonaMedia.Application.Media.Queries.ListPersonaMedia;
using PersonaMedia.Application.Personas.Queries.GetPersona;
using PersonaMedia.Domain.Media;
using PersonaMedia.WebApi.Infrastructure;
using PersonaMedia.WebApi.Infrastructure.Abuse;
using PersonaMedia.WebApi.Infrastructure.Operability;
using PersonaMedia.WebApi.Infrastructure.Telemetry;
using PersonaMedia.WebApi.OpenApi;

namespace PersonaMedia.WebApi.Controllers;

[Route("upload")]
[Tags("Media")]
/// <summary>
/// Every media endpoint: uploads, listing, info, download, description, delete, stats. The routes
/// keep the original service's <c>/upload</c> prefix.
/// </summary>
public sealed class MediaController(ISender sender) : ApiControllerBase
{
    [HttpPost("persona/{persona_id:int}/image")]
    [EndpointName("uploadImage")]
    [MeasureUpload(MediaType.Image)]
    [EndpointSummary("Upload an image")]
    [EndpointDescription("Uploads a JPEG or PNG image of up to 10 MiB for the persona, as multipart/form-data with the part `file` and an optional `description`. The content is checked by its own signature, which must agree with the file name's extension and the part's declared type.")]
    [RefuseWhileStopping]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(UploadFormLimits.MaxRequestBodyBytes)]
    [BoundedUpload]
    [DisableFormValueModelBinding]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    [ResponseHeader(ApiHeaders.IdempotentReplayed, ReplayedHeaderText, StatusCodes.Status200OK)]
    public Task<MediaFileDto> UploadImage(
        [FromRoute(Name = "persona_id")] int personaId,
        [FromHeader(Name = UploadMediaCommand.IdempotencyKeyHeader), Description(IdempotencyKeyText)] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        Upload(personaId, MediaType.Image, idempotencyKey, cancellationToken);

    [HttpPost("persona/{persona_id:int}/video")]
    [EndpointName("uploadVideo")]
    [MeasureUpload(MediaType.Video)]
    [EndpointSummary("Upload a video")]
    [EndpointDescription("Uploads an MP4 video of up to 10 MiB for the persona, as multipart/form-data with the part `file` and an optional `description`. The content must be an ISO-BMFF file whose first box is `ftyp`, and the file name must end in `.mp4`.")]
    [RefuseWhileStopping]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(UploadFormLimits.MaxRequestBodyBytes)]
    [BoundedUpload]
    [DisableFormValueModelBinding]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    [ResponseHeader(ApiHeaders.IdempotentReplayed, ReplayedHeaderText, StatusCodes.Status200OK)]
    public Task<MediaFileDto> UploadVideo(
        [FromRoute(Name = "persona_id")] int personaId,
        [FromHeader(Name = UploadMediaCommand.IdempotencyKeyHeader), Description(IdempotencyKeyText)] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        Upload(personaId, MediaType.Video, idempotencyKey, cancellationToken);

    [HttpGet("persona/{persona_id:int}/files")]
    [EndpointName("listPersonaFiles")]
    [EndpointSummary("List a persona's files")]
    [EndpointDescription("A persona's files, newest first (ties: the higher id first), one page at a time. `X-Total-Count` counts every file that matches the filter; `Link` names the next and previous pages, keeping the filter. With `include=urls` each file also carries `download_url`, a signed inline URL of its bytes with the default lifetime (see getFileUrl).")]
    [ResponseHeader(ApiHeaders.TotalCount, "The number of files that match the filter, on every page.", StatusCodes.Status200OK, IsInteger = true)]
    [ResponseHeader("Link", "RFC 8288 links to the `next` and `prev` pages, when there are any.", StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<IReadOnlyList<MediaFileDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IReadOnlyList<MediaFileDto>> List(
        [FromRoute(Name = "persona_id")] int personaId,
        [FromQuery(Name = "media_type"), ModelBinder<MediaTypeQueryBinder>] MediaType? mediaType,
        CancellationToken cancellationToken,
        [FromQuery(Name = "limit")] int limit = ListPersonaMediaQuery.MaxLimit,
        [FromQuery(Name = "offset")] int offset = 0,
        [FromQuery(Name = "include")] string? include = null)
    {
        var page = await sender.Send(new ListPersonaMediaQuery(personaId, mediaType, limit, offset, include), cancellationToken);
        Response.Headers[ApiHeaders.TotalCount] = page.TotalCount.ToString(CultureInfo.InvariantCulture);
        if (PagingLinks.For(Request.Path, mediaType, page, include) is { Length: > 0 } links)
        {
            Response.Headers[HeaderNames.Link] = links;
        }

        return page.Items;
    }

    [HttpGet("files/{file_id:int}")]
    [EndpointName("getFile")]
    [EndpointSummary("Get a file's information")]
    [EndpointDescription("The media file's information (not its bytes; see downloadFile). With `include=urls` it also carries `download_url`, a signed inline URL of the bytes (see getFileUrl).")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ResponseHeader("ETag", "The strong entity tag of this version; send it back in `If-Match` to update only this version.", StatusCodes.Status200OK)]
    public async Task<MediaFileDto> Get(
        [FromRoute(Name = "file_id")] int fileId, CancellationToken cancellationToken, [FromQuery(Name = "include")] string? include = null) =>
        await sender.Send(new GetMediaFileQuery(fileId, include), cancellationToken);

    /// <summary>A short-lived URL of the file's bytes that a browser can load without a bearer header.</summary>
    [HttpGet("files/{file_id:int}/url")]
    [EndpointName("getFileUrl")]
    [EndpointSummary("A signed URL of a file's bytes")]
    [EndpointDescription("A URL of the file's bytes for `<img>`, `<video>` or a link, served by getSignedMedia without Authorization until `expires_at`. `disposition` is `inline` (default; JPEG, PNG and MP4 are shown in place) or `attachment` (saved); `expires_in` is its lifetime in seconds (default 300, at most 3600 unless configured otherwise). Whoever holds the URL can load the file until then; deleting the file stops it at once.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<MediaFileUrlDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<MediaFileUrlDto> GetUrl(
        [FromRoute(Name = "file_id")] int fileId,
        [FromQuery(Name = "disposition")] string? disposition,
        [FromQuery(Name = "expires_in")] int? expiresIn,
        CancellationToken cancellationToken) =>
        await sender.Send(new GetMediaFileUrlQuery(fileId, disposition, expiresIn), cancellationToken);

    /// <summary>
    /// The stored bytes, with range requests (206/416) and conditional requests (304, If-Range)
    /// served; a Range of another unit or several ranges get the whole file (RFC 9110 §14.2).
    /// </summary>
    [HttpGet("files/{file_id:int}/download")]
    [EndpointName("downloadFile")]
    [MeasureDownload(MeasureDownloadAttribute.Bearer)]
    [EndpointSummary("Download a file's bytes")]
    [EndpointDescription("The stored bytes with their stored content type. `Range: bytes=a-b` (or `bytes=-n`) gets 206 with `Content-Range`, an unsatisfiable range 416; `If-None-Match` with the current ETag gets 304; `If-Range` with another validator, a Range of another unit or several ranges get 200 with the whole file.")]
    [IgnoreUnsupportedRanges]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status416RangeNotSatisfiable)]
    [BinaryResponse(StatusCodes.Status200OK, StatusCodes.Status206PartialContent)]
    [ResponseHeader("Content-Disposition", "`attachment` with the original file name: `filename` an ASCII fallback, `filename*` the UTF-8 original.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent)]
    [ResponseHeader("ETag", "The quoted SHA-256 hex of the content, `\"<64 hex>\"`.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)]
    [ResponseHeader("Last-Modified", "When the file was uploaded.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)]
    [ResponseHeader("Accept-Ranges", "`bytes`: ranges are served.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent)]
    [ResponseHeader("Content-Range", "`bytes a-b/size` on 206; `bytes */size` on 416.", StatusCodes.Status206PartialContent, StatusCodes.Status416RangeNotSatisfiable)]
    public async Task<FileStreamResult> Download([FromRoute(Name = "file_id")] int fileId, CancellationToken cancellationToken)
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

    /// <summary>The download's status and headers without its bytes.</summary>
    [HttpHead("files/{file_id:int}/download")]
    [EndpointName("headFile")]
    [MeasureDownload(MeasureDownloadAttribute.Bearer)]
    [EndpointSummary("A download's headers without its bytes")]
    [EndpointDescription("The same status and headers as downloadFile (200, 206, 304, 416, 404), without a body.")]
    [IgnoreUnsupportedRanges]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status416RangeNotSatisfiable)]
    public Task<FileStreamResult> DownloadHead([FromRoute(Name = "file_id")] int fileId, CancellationToken cancellationToken) =>
        Download(fileId, cancellationToken);

    /// <summary>A WebP thumbnail of an image, made on first request and stored beside the original.</summary>
    [HttpGet("files/{file_id:int}/thumbnail")]
    [EndpointName("getThumbnail")]
    [EndpointSummary("A thumbnail of an image")]
    [EndpointDescription("A WebP of the image with its long side brought down to `size` (160 or 640; never enlarged), orientation applied, no metadata; the sizes are listed in the media file's `thumbnails`. Made on the first request (a file whose pixels do not decode has none: 404), then served from the store. `If-None-Match` with its ETag gets 304.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [BinaryResponse(StatusCodes.Status200OK, ContentType = ThumbnailPresets.ContentType)]
    [ResponseHeader("ETag", "The thumbnail's entity tag: the original's SHA-256 and the preset.", StatusCodes.Status200OK, StatusCodes.Status304NotModified)]
    [ResponseHeader("Last-Modified", "When the thumbnail was made.", StatusCodes.Status200OK, StatusCodes.Status304NotModified)]
    [ResponseHeader("Cache-Control", "`private, max-age=86400`: the user's browser may keep it a day, no shared cache may.", StatusCodes.Status200OK)]
    public async Task<FileStreamResult> Thumbnail(
        [FromRoute(Name = "file_id")] int fileId, [FromQuery(Name = "size")] int size, CancellationToken cancellationToken)
    {
        var thumbnail = await sender.Send(new GetThumbnailQuery(fileId, size), cancellationToken);
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(
            thumbnail.Content,
            thumbnail.ContentType,
            lastModified: new DateTimeOffset(thumbnail.LastModified),
            entityTag: new EntityTagHeaderValue(thumbnail.ETag));
    }

    /// <summary>Changes the description; it comes as a form field (urlencoded or multipart).</summary>
    [HttpPut("files/{file_id:int}")]
    [EndpointName("updateFileDescription")]
    [EndpointSummary("Change a file's description")]
    [EndpointDescription(UpdateDescriptionText)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("application/x-www-form-urlencoded", "multipart/form-data")]
    [RequestSizeLimit(SmallFormLimit)]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ResponseHeader("ETag", "The strong entity tag of this version; send it back in `If-Match` to update only this version.", StatusCodes.Status200OK)]
    public async Task<MediaFileDto> SetDescriptionFromForm(
        [FromRoute(Name = "file_id")] int fileId, [FromForm(Name = "description")] string? description, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateMediaDescriptionCommand(fileId, description, EntityTags.IfMatchOf(Request)), cancellationToken);

    /// <summary>Changes the description; it comes as JSON <c>{"description": ...}</c>.</summary>
    [HttpPut("files/{file_id:int}")]
    [EndpointSummary("Change a file's description")]
    [EndpointDescription(UpdateDescriptionText)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Consumes("application/json")]
    [RequestSizeLimit(SmallFormLimit)]
    [ProducesResponseType<MediaFileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ResponseHeader("ETag", "The strong entity tag of this version; send it back in `If-Match` to update only this version.", StatusCodes.Status200OK)]
    public async Task<MediaFileDto> SetDescriptionFromJson(
        [FromRoute(Name = "file_id")] int fileId, DescriptionRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateMediaDescriptionCommand(fileId, request.Description, EntityTags.IfMatchOf(Request)), cancellationToken);

    /// <summary>
    /// A PUT without a Content-Type: MVC finds both actions above equally fit for such a request and
    /// would answer 500 (ambiguous match); an action without a [Consumes] wins that tie, and says 415.
    /// A body of any other type still gets its 415 from the actions' own [Consumes].
    /// </summary>
    [HttpPut("files/{file_id:int}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public UnsupportedMediaTypeResult SetDescriptionWithoutContentType([FromRoute(Name = "file_id")] int fileId) => new();

    [HttpDelete("files/{file_id:int}")]
    [EndpointName("deleteFile")]
    [EndpointSummary("Delete a file")]
    [EndpointDescription("Deletes the file's row and its stored bytes.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<DetailResponse>(StatusCodes.Status200OK)]
    public async Task<DetailResponse> Delete([FromRoute(Name = "file_id")] int fileId, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteMediaFileCommand(fileId), cancellationToken);

    [HttpGet("stats")]
    [EndpointName("getUploadStats")]
    [EndpointSummary("Your usage")]
    [EndpointDescription("Counts and sizes of the signed-in user's files, in total and per persona that holds files.")]
    [ProducesResponseType<UploadStatsDto>(StatusCodes.Status200OK)]
    public async Task<UploadStatsDto> Stats(CancellationToken cancellationToken) =>
        await sender.Send(new GetUploadStatsQuery(), cancellationToken);

    public sealed record DescriptionRequest(string? Description);

    private const long SmallFormLimit = 64 * 1024;

    private const string UpdateDescriptionText =
        "Replaces the file's description and advances `updated_at`. The description comes as JSON `{\"description\": ...}`, or as the form field `description` (urlencoded or multipart). With If-Match, only if the file is still the version of that ETag (412 otherwise).";

    private const string ReplayedHeaderText =
        "`true` when this answer is the one an earlier upload with the same Idempotency-Key got: the file it stored, nothing stored again.";

    private const string IdempotencyKeyText =
        "Makes the upload safe to retry: the same key (1-255 visible ASCII characters, e.g. a UUID; quoted or not) from the same user within 24 hours gets the first upload's file again instead of a second copy; the same key with a different upload (persona, bytes, file name, type or description) gets 422.";

    private async Task<MediaFileDto> Upload(int personaId, MediaType mediaType, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Rule 1 comes before anything of the body is read: someone else's persona is 404
        // whatever the body holds, too large or without a boundary.
        await sender.Send(new GetPersonaQuery(personaId), cancellationToken);

        var form = await MultipartUpload.ReadToFileAsync(Request, cancellationToken);
        var result = await sender.Send(
            new UploadMediaCommand(
                personaId, mediaType, form.FileName, form.ContentType, form.Description, form.Content, form.CompleteAsync,
                KeyAsSent(idempotencyKey)),
            cancellationToken);
        if (result.Replayed)
        {
            Response.Headers[ApiHeaders.IdempotentReplayed] = "true";
        }

        return result.File;
    }

    /// <summary>
    /// The key as sent, or the content of a structured-field string (<c>"..."</c>), as the IETF
    /// draft has it. An empty header, which binding reads as none, is kept as sent so that it is refused.
    /// </summary>
    private string? KeyAsSent(string? key) => key switch
    {
        ['"', .. var inner, '"'] => inner,
        null when Request.Headers.ContainsKey(UploadMediaCommand.IdempotencyKeyHeader) => string.Empty,
        _ => key,
    };
}
