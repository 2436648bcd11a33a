using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Media.Commands.UploadMedia;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// The whole multipart protocol of an upload, at the edge: the declared length, the boundary,
/// exactly one <c>file</c> part, the text fields around it (within <see cref="UploadFormLimits"/>),
/// and the parts after it. It reads the body straight from the connection with
/// <see cref="MultipartReader"/>: the file part is handed on as a stream over the request body,
/// and only small text fields are ever held in memory.
/// </summary>
internal sealed class MultipartUpload
{
    private readonly MultipartReader _reader;
    private MultipartSection? _fileSection;
    private string? _description;
    private int _parts;
    private int _fieldBytes;

    private MultipartUpload(string boundary, Stream body)
    {
        _reader = new MultipartReader(boundary, body, UploadFormLimits.ReadBufferSize);
    }

    /// <summary>The client's file name, as sent.</summary>
    public string? FileName { get; private set; }

    /// <summary>The file part's declared content type, reduced to <c>type/subtype</c>; null when nothing was declared.</summary>
    public string? ContentType { get; private set; }

    /// <summary>The description sent before the file, if any.</summary>
    public string? Description => _description;

    /// <summary>The file's bytes, as they arrive.</summary>
    public Stream Content { get; private set; } = Stream.Null;

    /// <summary>
    /// Reads the request up to the start of the file's bytes. 413 when the declared length is
    /// already too large; 400 when the body carries no boundary or no file part named <c>file</c>.
    /// </summary>
    public static async Task<MultipartUpload> ReadToFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > UploadFormLimits.MaxRequestBodyBytes)
        {
            throw PayloadTooLargeException.File();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary) is not { Length: > 0 and <= 70 } boundary)
        {
            throw new ValidationException(
                UploadMediaCommand.FileField, "The request must be multipart/form-data with a boundary.", UploadRefusals.Malformed);
        }

        var upload = new MultipartUpload(boundary.ToString(), request.Body);
        await upload.ReadFilePartAsync(cancellationToken);
        return upload;
    }

    /// <summary>
    /// The upload's completion step, once its file has been read: reads the rest of the form,
    /// refusing a second file part, and yields the final description (one sent after the file wins).
    /// </summary>
    public async ValueTask<string?> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_fileSection is not null)
        {
            await DrainAsync(_fileSection.Body, cancellationToken);
        }

        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            if (section.File is { } file)
            {
                if (IsFileField(file))
                {
                    throw new ValidationException(UploadMediaCommand.FileField, "Exactly one file part named 'file' is allowed.", UploadRefusals.ExtraFile);
                }

                await DrainAsync(section.Section.Body, cancellationToken);
            }
        }

        return _description;
    }

    private async Task ReadFilePartAsync(CancellationToken cancellationToken)
    {
        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            if (section.File is { } file)
            {
                if (IsFileField(file))
                {
                    _fileSection = section.Section;
                    FileName = file.FileName;
                    ContentType = Essence(section.Section.ContentType);
                    Content = new MalformedBodyGuardStream(section.Section.Body);
                    return;
                }

                // A file under another name is not ours to store; pass over its bytes.
                await DrainAsync(section.Section.Body, cancellationToken);
            }
        }

        throw new ValidationException(UploadMediaCommand.FileField, "A file part named 'file' is required.", UploadRefusals.MissingFile);
    }

    /// <summary>
    /// The declared type's <c>type/subtype</c>, trimmed. Nothing declared, or
    /// <c>application/octet-stream</c> (which says nothing), is null. Parameters without a type
    /// ("; charset=utf-8") were still declared and are passed on as sent, to be refused.
    /// </summary>
    internal static string? Essence(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var semicolon = declared.IndexOf(';', StringComparison.Ordinal);
        var essence = (semicolon < 0 ? declared : declared[..semicolon]).Trim();
        if (essence.Length == 0)
        {
            return declared.Trim();
        }

        return essence.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase) ? null : essence;
    }

    // A part's name may be missing altogether (Content-Disposition: form-data; without name=): then it is none of ours.
    private static bool IsFileField(FileMultipartSection file) =>
        string.Equals(file.Name, UploadMediaCommand.FileField, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Passes over a part's bytes. A body that breaks off inside it is the client's malformed form, as
    /// everywhere else (found by fuzzing: the bare IOException of a part drained here was a 500).
    /// </summary>
    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            await body.DrainAsync(cancellationToken);
        }
        catch (Exception ex) when (MalformedBodyGuardStream.IsMalformedBody(ex))
        {
            throw MalformedBodyGuardStream.Malformed();
        }
    }

    /// <summary>The next section; text fields are read on the way, the description kept.</summary>
    private async Task<(MultipartSection Section, FileMultipartSection? File)?> NextSectionAsync(CancellationToken cancellationToken)
    {
        MultipartSection? section;
        try
        {
            section = await _reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception ex) when (MalformedBodyGuardStream.IsMalformedBody(ex))
        {
            throw MalformedBodyGuardStream.Malformed();
        }

        if (section is null)
        {
            return null;
        }

        if (++_parts > UploadFormLimits.MaxPartCount)
        {
            throw new ValidationException(
                UploadMediaCommand.FileField, $"The form carries more than {UploadFormLimits.MaxPartCount} parts.", UploadRefusals.Malformed);
        }

        var disposition = section.GetContentDispositionHeader();
        if (disposition is null || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            await DrainAsync(section.Body, cancellationToken);
            return (section, null);
        }

        if (disposition.IsFileDisposition())
        {
            return (section, section.AsFileSection());
        }

        // The framework reads a disposition by its exact spelling ("form-data"); one it does not take as
        // a text field (such as "form-dAta", found by fuzzing) is passed over like any other unknown part.
        if (section.AsFormDataSection() is not { } field)
        {
            await DrainAsync(section.Body, cancellationToken);
            return (section, null);
        }

        var value = await ReadFieldAsync(field, UploadFormLimits.MaxFieldBytesTotal - _fieldBytes, cancellationToken);
        _fieldBytes += Encoding.UTF8.GetByteCount(value);
        if (string.Equals(field.Name, UploadMediaCommand.DescriptionField, StringComparison.OrdinalIgnoreCase))
        {
            _description = value;
        }

        return (section, null);
    }

    /// <summary>
    /// Reads one text field, holding no more of it than the per-field limit and what is left of the
    /// form's total (<paramref name="budgetBytes"/>) allow: a field that does not fit is refused after
    /// one character past them has been read, whatever its length.
    /// </summary>
    private static async Task<string> ReadFieldAsync(FormMultipartSection field, int budgetBytes, CancellationToken cancellationToken)
    {
        // A UTF-8 character is at least one byte, so more characters than bytes left cannot fit.
        var limit = Math.Min(UploadFormLimits.MaxFieldLength, budgetBytes);
        using var reader = new StreamReader(field.Section.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var buffer = ArrayPool<char>.Shared.Rent(limit + 1);
        try
        {
            int length;
            try
            {
                length = await reader.ReadBlockAsync(buffer.AsMemory(0, limit + 1), cancellationToken);
            }
            catch (Exception ex) when (MalformedBodyGuardStream.IsMalformedBody(ex))
            {
                throw MalformedBodyGuardStream.Malformed();
            }

            if (length > UploadFormLimits.MaxFieldLength)
            {
                throw new ValidationException(
                    field.Name is { Length: > 0 } name ? name : UploadMediaCommand.FileField, $"The field '{field.Name}' is too long.", UploadRefusals.Description);
            }

            if (length > limit || Encoding.UTF8.GetByteCount(buffer, 0, length) > budgetBytes)
            {
                throw new ValidationException(
                    UploadMediaCommand.FileField,
                    $"The form's text fields together exceed {UploadFormLimits.MaxFieldBytesTotal} bytes.", UploadRefusals.Malformed);
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
