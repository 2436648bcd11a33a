namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// The parts of an upload form, read in order from the request as it arrives. Implemented at the
/// HTTP edge over the multipart body; nothing is buffered beyond one small field at a time.
/// </summary>
public interface IUploadForm
{
    /// <summary>
    /// Reads up to the start of the file part's bytes, keeping the small fields met on the way.
    /// Null when the form has no file part.
    /// </summary>
    Task<UploadFilePart?> ReadFilePartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// After the file's bytes have been read: reads the rest of the form, keeping its fields and
    /// counting any further file parts.
    /// </summary>
    Task<UploadFormRest> ReadRestAsync(CancellationToken cancellationToken);

    /// <summary>Small text fields read so far, by name.</summary>
    IReadOnlyDictionary<string, string> Fields { get; }
}

/// <param name="FileName">The client's file name, as sent; for display and the extension check only.</param>
/// <param name="ContentType">The part's declared Content-Type, if any.</param>
/// <param name="Content">The file's bytes, read as they arrive.</param>
public sealed record UploadFilePart(string? FileName, string? ContentType, Stream Content);

/// <param name="ExtraFileParts">File parts after the first; the contract allows exactly one.</param>
public sealed record UploadFormRest(int ExtraFileParts);
