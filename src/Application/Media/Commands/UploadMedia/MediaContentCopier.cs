using System.Buffers;
using System.Security.Cryptography;
using PersonaMedia.Application.Common.Exceptions;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Application.Media.Commands.UploadMedia;

/// <summary>What the copy established about the bytes it moved.</summary>
public sealed record CopiedContent(MediaFormat Format, long Length, string Sha256);

/// <summary>
/// The upload's hot loop: moves a file's bytes from the request to the store in pooled chunks,
/// counting them against the size limit, hashing them, and checking the signature of the first
/// bytes against the format the file name and declared type promise. Memory stays at one chunk
/// whatever the file's size.
/// </summary>
public static class MediaContentCopier
{
    public const int ChunkSize = 64 * 1024;

    public static async Task<CopiedContent> CopyAsync(
        Stream source,
        IFileUpload target,
        MediaFormat expected,
        DeclaredType declared,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[ContentSignature.HeaderLength];
            var headLength = 0;
            long length = 0;
            DetectedContent? detected = null;

            int read;
            // Whole chunks, however finely the source hands its bytes out: the hash and the
            // store then see one call per 64 KiB, and a file write costs the same for 4 KiB as
            // for 64 KiB.
            while ((read = await source.ReadAtLeastAsync(
                buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                length += read;
                if (length > MediaRules.MaxFileSizeBytes)
                {
                    throw PayloadTooLargeException.File();
                }

                if (detected is null && headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                    if (headLength == head.Length)
                    {
                        detected = Check(head, expected, declared);
                    }
                }

                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (length == 0)
            {
                throw new ValidationException(UploadMediaCommand.FileField, "The file is empty.");
            }

            // Files shorter than a full header are judged on what there is.
            detected ??= Check(head.AsSpan(0, headLength), expected, declared);
            if (length < detected.Value.MinimumLength)
            {
                throw Mismatch($"its {detected.Value.Format.Name} header declares more bytes than the file holds", expected);
            }

            return new CopiedContent(detected.Value.Format, length, Convert.ToHexStringLower(hash.GetCurrentHash()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DetectedContent Check(ReadOnlySpan<byte> head, MediaFormat expected, DeclaredType declared)
    {
        var detected = ContentSignature.Detect(head)
            ?? throw Mismatch("it is not a JPEG, PNG or MP4 file", expected);
        if (detected.Format != expected)
        {
            throw Mismatch($"it is {detected.Format.Name} data", expected);
        }

        if (declared.Format is { } promised && promised != detected.Format)
        {
            throw new ValidationException(
                UploadMediaCommand.FileField,
                $"File content does not match the declared content type {declared.Essence}: it is {detected.Format.Name} data.");
        }

        return detected;
    }

    private static ValidationException Mismatch(string reason, MediaFormat expected) => new(
        UploadMediaCommand.FileField,
        $"File content does not match the file's extension, which promises {expected.Name}: {reason}.");
}
