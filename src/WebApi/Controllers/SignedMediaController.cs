using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PersonaMedia.Application.Media.Delivery;
using PersonaMedia.Application.Media.Queries.GetSignedMedia;
using PersonaMedia.WebApi.Infrastructure;
using PersonaMedia.WebApi.Infrastructure.Delivery;
using PersonaMedia.WebApi.Infrastructure.Telemetry;
using PersonaMedia.WebApi.OpenApi;

namespace PersonaMedia.WebApi.Controllers;

/// <summary>
/// The bytes behind a signed URL (see getFileUrl), for <c>&lt;img&gt;</c> and <c>&lt;video&gt;</c>,
/// which cannot send a bearer header: the token in the path is the whole credential.
/// </summary>
[Route("media")]
[Tags("Media")]
[AllowAnonymous]
[ServiceFilter<SignedMediaHeadersFilter>]
public sealed class SignedMediaController(ISender sender) : ApiControllerBase
{
    private const string GetDescription =
        "The bytes a signed URL grants, without Authorization: the token is the credential. `Range: bytes=a-b` gets 206, an "
        + "unsatisfiable range 416; `If-None-Match` with the ETag gets 304; `If-Range` with another validator, a Range of another "
        + "unit or several ranges get 200 with the whole file. A thumbnail's URL serves that thumbnail (made now if the worker has not yet). A tampered or expired token, one for another variant, and one of a "
        + "deleted file all get the same 404. Cached privately until the URL expires.";

    [HttpGet("{token}")]
    [EndpointName("getSignedMedia")]
    [MeasureDownload(MeasureDownloadAttribute.Signed)]
    [EndpointSummary("A file's bytes through a signed URL")]
    [EndpointDescription(GetDescription)]
    [IgnoreUnsupportedRanges]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status416RangeNotSatisfiable)]
    [BinaryResponse(StatusCodes.Status200OK, StatusCodes.Status206PartialContent)]
    [ResponseHeader("Content-Disposition", "`inline` (JPEG, PNG and MP4 asked for inline) or `attachment`, with the original file name in `filename*`.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent)]
    [ResponseHeader("ETag", "The quoted SHA-256 hex of the content, `\"<64 hex>\"`.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)]
    [ResponseHeader("Last-Modified", "When the file was uploaded.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)]
    [ResponseHeader("Cache-Control", "`private, max-age=<seconds until the URL expires>`.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)]
    [ResponseHeader("Accept-Ranges", "`bytes`: ranges are served.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent)]
    [ResponseHeader("Content-Range", "`bytes a-b/size` on 206; `bytes */size` on 416.", StatusCodes.Status206PartialContent, StatusCodes.Status416RangeNotSatisfiable)]
    [ResponseHeader("Cross-Origin-Resource-Policy", "`same-site` unless configured otherwise (Media:CrossOriginResourcePolicy).", StatusCodes.Status200OK, StatusCodes.Status206PartialContent)]
    public async Task<FileStreamResult> Get([FromRoute(Name = "token")] string token, CancellationToken cancellationToken)
    {
        var media = await sender.Send(new GetSignedMediaQuery(token), cancellationToken);
        var file = media.File;
        Response.Headers.ContentDisposition = media.Disposition == MediaDisposition.Inline
            ? ContentDispositions.Inline(media.FileName)
            : ContentDispositions.Attachment(media.FileName);
        // Whoever holds the URL may keep the bytes until it expires; no shared cache may.
        var seconds = (long)Math.Max(0, Math.Floor(media.Remaining.TotalSeconds));
        Response.Headers.CacheControl = "private, max-age=" + seconds.ToString(CultureInfo.InvariantCulture);
        return File(
            media.Content,
            media.ContentType,
            lastModified: new DateTimeOffset(file.CreatedAt),
            entityTag: new EntityTagHeaderValue(media.ETag),
            enableRangeProcessing: true);
    }

    [HttpHead("{token}")]
    [EndpointName("headSignedMedia")]
    [MeasureDownload(MeasureDownloadAttribute.Signed)]
    [EndpointSummary("A signed URL's headers without its bytes")]
    [EndpointDescription("The same status and headers as getSignedMedia (200, 206, 304, 416, 404), without a body.")]
    [IgnoreUnsupportedRanges]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status416RangeNotSatisfiable)]
    public Task<FileStreamResult> Head([FromRoute(Name = "token")] string token, CancellationToken cancellationToken) =>
        Get(token, cancellationToken);
}
