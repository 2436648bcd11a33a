using PersonaMedia.Domain.Common;

namespace PersonaMedia.Domain.Media;

/// <summary>An uploaded image or video of one persona, with the facts established while it was received.</summary>
public sealed class MediaFile
{
    public const int FileNameMaxLength = 64;
    public const int MimeTypeMaxLength = 100;
    public const int Sha256HexLength = 64;

    /// <summary>Room for every name a strip reports (<c>EXIF,XMP,IPTC,comment,...</c>), comma-separated in one column.</summary>
    public const int MetadataRemovedMaxLength = 400;

    /// <summary>The description's name for clients, so a refused one is reported against that field.</summary>
    public const string DescriptionField = "description";

    private MediaFile()
    {
        FileName = OriginalFileName = MimeType = Sha256 = string.Empty;
    }

    public int Id { get; private set; }
    public int UserId { get; private set; }
    public int PersonaId { get; private set; }

    /// <summary>The stored name, <c>{uuid}.{ext}</c>; chosen by the server, never by the client.</summary>
    public string FileName { get; private set; }

    public string OriginalFileName { get; private set; }
    public long FileSize { get; private set; }

    /// <summary>The stored content type (MIME type) of the detected format; <c>mime_type</c> on the wire.</summary>
    public string MimeType { get; private set; }
    public MediaType MediaType { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Displayed size in pixels (EXIF or track orientation applied); null when unknown. See <see cref="MediaMetadata"/>.</summary>
    public int? Width { get; private set; }
    public int? Height { get; private set; }

    /// <summary>Videos: length, codec of the video track and whether a sound track exists; null when unknown.</summary>
    public double? DurationSeconds { get; private set; }
    public string? VideoCodec { get; private set; }
    public bool? HasAudio { get; private set; }

    /// <summary>
    /// What was taken out of the bytes before they were stored (<c>EXIF</c>, <c>XMP</c>, <c>©xyz</c>, ...);
    /// empty when nothing was, or metadata is kept; null for files stored before privacy stripping existed.
    /// </summary>
    public IReadOnlyList<string>? MetadataRemoved { get; private set; }

    /// <summary>Whether its thumbnails are still to be made, made, or impossible; see <see cref="Media.ThumbnailState"/>.</summary>
    public ThumbnailState ThumbnailState { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>A new server-chosen stored name for content of the given format.</summary>
    public static string NewFileName(MediaFormat format) => Guid.NewGuid().ToString("N") + format.Extension;

    public static MediaFile Create(
        int userId,
        int personaId,
        string fileName,
        string originalFileName,
        MediaFormat format,
        long fileSize,
        string sha256,
        string? description,
        DateTime now,
        MediaMetadata? metadata = null,
        IReadOnlyList<string>? metadataRemoved = null)
    {
        if (fileSize is <= 0 or > MediaRules.MaxFileSizeBytes)
        {
            throw new DomainException($"A media file holds 1 to {MediaRules.MaxFileSizeBytes} bytes.");
        }

        if (sha256.Length != Sha256HexLength || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException("SHA-256 must be 64 lower-case hex digits.");
        }

        if (!fileName.EndsWith(format.Extension, StringComparison.Ordinal))
        {
            throw new DomainException("The stored name must carry the extension of the detected format.");
        }

        var facts = (metadata ?? MediaMetadata.Unknown).Checked();
        if (metadataRemoved is not null
            && (metadataRemoved.Any(n => string.IsNullOrWhiteSpace(n) || n.Contains(','))
                || metadataRemoved.Sum(n => n.Length + 1) > MetadataRemovedMaxLength))
        {
            throw new DomainException($"Removed metadata is a list of names without commas, at most {MetadataRemovedMaxLength} characters in all.");
        }

        var file = new MediaFile
        {
            UserId = userId,
            PersonaId = personaId,
            FileName = Guard.RequiredText(fileName, FileNameMaxLength, "File name"),
            OriginalFileName = Guard.RequiredText(originalFileName, MediaRules.OriginalFilenameMaxLength, "Original file name"),
            MimeType = format.ContentType,
            MediaType = format.MediaType,
            FileSize = fileSize,
            Sha256 = sha256,
            Description = Guard.OptionalText(description, MediaRules.DescriptionMaxLength, "Description", DescriptionField),
            Width = facts.Width,
            Height = facts.Height,
            DurationSeconds = facts.DurationSeconds,
            VideoCodec = facts.VideoCodec,
            HasAudio = facts.HasAudio,
            MetadataRemoved = metadataRemoved,

            // An image is scaled by the size its header declared; without one there is nothing to scale to.
            ThumbnailState = format.MediaType == MediaType.Image && facts.Width is not null ? ThumbnailState.Pending : ThumbnailState.None,
            CreatedAt = Guard.Utc(now),
            UpdatedAt = now,
        };
        return file;
    }

    public void SetDescription(string? description, DateTime now)
    {
        // Both checks before either assignment: a refused edit must leave the file as it was.
        var checkedDescription = Guard.OptionalText(description, MediaRules.DescriptionMaxLength, "Description", DescriptionField);
        var checkedNow = Guard.Utc(now);
        Description = checkedDescription;
        UpdatedAt = Guard.Advanced(UpdatedAt, checkedNow);
    }
}
