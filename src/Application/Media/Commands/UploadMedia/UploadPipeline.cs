using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Where a step of the upload runs. Steps of one stage run in the order they were registered;
/// a new step (metadata, privacy stripping, thumbnails) joins by naming its stage, without
/// touching the handler or the other steps.
/// </summary>
public enum UploadStage
{
    /// <summary>The byte-level checks: size while streaming, emptiness, signature (<see cref="CheckContentStep"/>).</summary>
    CheckBytes = 100,

    /// <summary>Steps that read or rewrite the checked bytes before they are stored (metadata, privacy stripping).</summary>
    Process = 200,

    /// <summary>The bytes are written to the store, hashed, still invisible (<see cref="StoreContentStep"/>).</summary>
    Store = 300,

    /// <summary>The rest of the request is read; a description sent after the file arrives (<see cref="CompleteRequestStep"/>).</summary>
    CompleteRequest = 400,

    /// <summary>The stored bytes are made visible and the file's row is inserted (<see cref="RecordMediaFileStep"/>).</summary>
    Record = 500,
}

/// <summary>One named step of the upload; see <see cref="UploadStage"/>.</summary>
public interface IUploadStep
{
    UploadStage Stage { get; }

    ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken);
}

/// <summary>The upload's steps in stage order, resolved once per request.</summary>
public sealed class UploadPipeline(IEnumerable<IUploadStep> steps)
{
    private readonly IUploadStep[] _steps = steps.OrderBy(s => s.Stage).ToArray();

    public IReadOnlyList<IUploadStep> Steps => _steps;

    public async ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        foreach (var step in _steps)
        {
            await step.RunAsync(upload, cancellationToken);
        }
    }
}

/// <summary>
/// What the steps know about one upload as it goes: the command's values, then what each step
/// established. Disposing it discards bytes written but never committed, so a refused upload
/// leaves nothing behind.
/// </summary>
public sealed class UploadContext : IAsyncDisposable
{
    private readonly List<IDisposable> _resources = [];

    public UploadContext(int userId, UploadMediaCommand command)
    {
        UserId = userId;
        PersonaId = command.PersonaId;
        MediaType = command.MediaType;
        ClientFileName = command.FileName;
        DeclaredContentType = command.ContentType;
        Description = command.Description;
        Content = command.Content;
        Complete = command.Complete;

        // The validator has already refused any name or declared type these would not find.
        ExpectedFormat = MediaRules.FormatForFileName(command.MediaType, command.FileName)
            ?? throw new InvalidOperationException("The upload's file name was not validated.");
        DeclaredFormat = command.ContentType is { } declared ? MediaRules.FormatForContentType(command.MediaType, declared) : null;
        StoredName = MediaFile.NewFileName(ExpectedFormat);
        StorageKey = MediaStorageKeys.For(userId, command.PersonaId, StoredName);
    }

    public int UserId { get; }
    public int PersonaId { get; }
    public MediaType MediaType { get; }
    public string? ClientFileName { get; }
    public string? DeclaredContentType { get; }
    public UploadCompletion Complete { get; }

    /// <summary>The format the file name's extension promises.</summary>
    public MediaFormat ExpectedFormat { get; }

    /// <summary>The format the declared content type promises; null when none was declared.</summary>
    public MediaFormat? DeclaredFormat { get; }

    /// <summary>The server-chosen stored name, <c>{uuid}.{ext}</c>, and the key it is stored under.</summary>
    public string StoredName { get; }

    public string StorageKey { get; }

    public string? Description { get; set; }

    /// <summary>The user's stored bytes when the upload began (for refusing early; the insert decides).</summary>
    public long UsedBytesAtStart { get; init; }

    /// <summary>The file's bytes as the next step reads them; a step may wrap the stream to check or rewrite them.</summary>
    public Stream Content { get; set; }

    /// <summary>Set by the content check once the bytes have been read to their end and passed.</summary>
    public MediaFormat? DetectedFormat { get; set; }

    /// <summary>Set by the store step: the bytes written (invisible until committed), their count and SHA-256.</summary>
    public IFileUpload? StoredContent { get; set; }

    public long Length { get; set; }

    public string? Sha256 { get; set; }

    /// <summary>Set by the inspection once the bytes have ended: what the file's headers say (<see cref="InspectContentStep"/>).</summary>
    public MediaMetadata? Metadata { get; set; }

    /// <summary>Set by the privacy strip once the bytes have ended: what it took out (<see cref="StripMetadataStep"/>).</summary>
    public IReadOnlyList<string>? MetadataRemoved { get; set; }

    /// <summary>Set by the record step.</summary>
    public MediaFile? File { get; set; }

    /// <summary>A resource a step holds for the upload's length (a pooled buffer); it goes when the upload does, however it ends.</summary>
    public void DisposeWith(IDisposable resource) => _resources.Add(resource);

    public async ValueTask DisposeAsync()
    {
        if (StoredContent is not null)
        {
            await StoredContent.DisposeAsync();
        }

        foreach (var resource in _resources)
        {
            resource.Dispose();
        }
    }
}
