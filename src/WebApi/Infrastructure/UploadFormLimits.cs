using PersonaMedia.Domain.Media;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// Every limit of the upload form, in one place: what the multipart adapter
/// (<see cref="MultipartUpload"/>) and the upload actions enforce before and around the file's bytes.
/// The file's own size limit is the domain's (<see cref="MediaRules.MaxFileSizeBytes"/>).
/// </summary>
internal static class UploadFormLimits
{
    /// <summary>
    /// Room for the multipart framing around the file (boundaries, part headers, the description
    /// field): a body longer than the size limit plus this cannot carry an acceptable file.
    /// </summary>
    public const long MultipartAllowance = 64 * 1024;

    /// <summary>The largest body an upload may declare or send; Kestrel enforces it as well.</summary>
    public const long MaxRequestBodyBytes = MediaRules.MaxFileSizeBytes + MultipartAllowance;

    /// <summary>A text field longer than this cannot be a valid one; refuse it rather than hold it.</summary>
    public const int MaxFieldLength = 16 * 1024;

    /// <summary>
    /// All the text fields of one form together, in UTF-8 bytes. Each is read only up to what is left
    /// of this, so a flood of fields is refused before it is held: per request at most this much
    /// text is in memory, whatever the body's size.
    /// </summary>
    public const int MaxFieldBytesTotal = 64 * 1024;

    /// <summary>
    /// Parts a form may carry, the file and the text fields and anything else included; only
    /// <c>file</c> and <c>description</c> are used, so an honest form has two.
    /// </summary>
    public const int MaxPartCount = 16;

    /// <summary>
    /// The reader's buffer caps each read of a part's body. Its 4 KiB default meant sixteen
    /// reads for each of the copy loop's 64 KiB chunks; the reader rents this buffer and never
    /// gives it back, so it is garbage after every request, which is why it is not 64 KiB too.
    /// </summary>
    public const int ReadBufferSize = 16 * 1024;
}
