namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>
/// Once the file has been read, the edge reads the rest of the request: it may refuse it (a
/// second file part, a malformed end) or bring a description sent after the file, which wins.
/// </summary>
public sealed class CompleteRequestStep : IUploadStep
{
    public UploadStage Stage => UploadStage.CompleteRequest;

    public async ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken) =>
        upload.Description = await upload.Complete(cancellationToken);
}
