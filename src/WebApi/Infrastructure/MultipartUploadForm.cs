using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media.Commands.UploadMedia;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// Reads a <c>multipart/form-data</c> request body section by section with
/// <see cref="MultipartReader"/>, straight from the connection: the file part is handed on as a
/// stream over the request body, and only small text fields are ever held in memory.
/// </summary>
internal sealed class MultipartUploadForm : IUploadForm
{
    /// <summary>A text field longer than this cannot be a valid one; refuse it rather than hold it.</summary>
    private const int MaxFieldLength = 16 * 1024;

    /// <summary>
    /// The reader's buffer caps each read of a part's body. Its 4 KiB default meant sixteen
    /// reads for each of the copy loop's 64 KiB chunks; the reader rents this buffer and never
    /// gives it back, so it is garbage after every request, which is why it is not 64 KiB too.
    /// </summary>
    private const int ReadBufferSize = 16 * 1024;

    private readonly MultipartReader _reader;
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);
    private MultipartSection? _fileSection;

    private MultipartUploadForm(string boundary, Stream body)
    {
        _reader = new MultipartReader(boundary, body, ReadBufferSize);
    }

    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The form of a request, or a 400 when its Content-Type carries no usable boundary.</summary>
    public static MultipartUploadForm For(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary) is not { Length: > 0 and <= 70 } boundary)
        {
            throw new ValidationException(
                UploadMediaCommand.FileField, "The request must be multipart/form-data with a boundary.");
        }

        return new MultipartUploadForm(boundary.ToString(), request.Body);
    }

    public async Task<UploadFilePart?> ReadFilePartAsync(CancellationToken cancellationToken)
    {
        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            if (section.File is { } file)
            {
                if (file.Name.Equals(UploadMediaCommand.FileField, StringComparison.OrdinalIgnoreCase))
                {
                    _fileSection = section.Section;
                    return new UploadFilePart(
                        file.FileName, section.Section.ContentType, new MalformedBodyGuardStream(section.Section.Body));
                }

                // A file under another name is not ours to store; pass over its bytes.
                await section.Section.Body.DrainAsync(cancellationToken);
            }
        }

        return null;
    }

    public async Task<UploadFormRest> ReadRestAsync(CancellationToken cancellationToken)
    {
        if (_fileSection is not null)
        {
            await _fileSection.Body.DrainAsync(cancellationToken);
        }

        var extraFiles = 0;
        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            if (section.File is { } file)
            {
                extraFiles += file.Name.Equals(UploadMediaCommand.FileField, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                await section.Section.Body.DrainAsync(cancellationToken);
            }
        }

        return new UploadFormRest(extraFiles);
    }

    /// <summary>The next section; text fields are read into <see cref="Fields"/> on the way.</summary>
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

        var disposition = section.GetContentDispositionHeader();
        if (disposition is null || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            await section.Body.DrainAsync(cancellationToken);
            return (section, null);
        }

        if (disposition.IsFileDisposition())
        {
            return (section, section.AsFileSection());
        }

        var field = section.AsFormDataSection()!;
        _fields[field.Name] = await ReadFieldAsync(field, cancellationToken);
        return (section, null);
    }

    private static async Task<string> ReadFieldAsync(FormMultipartSection field, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(field.Section.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var buffer = ArrayPool<char>.Shared.Rent(MaxFieldLength + 1);
        try
        {
            var length = await reader.ReadBlockAsync(buffer.AsMemory(0, MaxFieldLength + 1), cancellationToken);
            if (length > MaxFieldLength)
            {
                throw new ValidationException(field.Name, $"The field '{field.Name}' is too long.");
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
