using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Infrastructure.Persistence.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("media_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FileName).HasMaxLength(MediaFile.FileNameMaxLength).IsRequired();
        builder.Property(f => f.OriginalFileName).HasMaxLength(MediaRules.OriginalFilenameMaxLength).IsRequired();
        builder.Property(f => f.MimeType).HasMaxLength(MediaFile.MimeTypeMaxLength).IsRequired();
        builder.Property(f => f.Description).HasMaxLength(MediaRules.DescriptionMaxLength);
        builder.Property(f => f.Sha256).HasMaxLength(MediaFile.Sha256HexLength).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(f => f.VideoCodec).HasMaxLength(MediaMetadata.VideoCodecMaxLength).IsUnicode(false);

        // A short list of names, never queried by item: one comma-separated column on both providers.
        builder.Property(f => f.MetadataRemoved)
            .HasConversion(
                names => string.Join(',', names!),
                column => column.Split(',', StringSplitOptions.RemoveEmptyEntries),
                new ValueComparer<IReadOnlyList<string>?>(
                    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                    names => names == null ? 0 : string.Join(',', names).GetHashCode(),
                    names => names == null ? null : names.ToArray()))
            .HasMaxLength(MediaFile.MetadataRemovedMaxLength);

        // Media goes with its persona. The link to the user does not cascade: SQL Server refuses
        // two cascading paths (media -> persona -> user and media -> user) to one table.
        builder.HasOne<Persona>().WithMany().HasForeignKey(f => f.PersonaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);

        // A persona's files, newest first (ties: higher id first), optionally of one type.
        builder.HasIndex(f => new { f.PersonaId, f.CreatedAt, f.Id }).IsDescending(false, true, true);
        builder.HasIndex(f => new { f.PersonaId, f.MediaType, f.CreatedAt, f.Id }).IsDescending(false, false, true, true);

        // The thumbnail worker's sweep: the files still waiting for theirs, oldest first; a small partial index.
        builder.HasIndex(f => new { f.ThumbnailState, f.Id }).HasFilter("thumbnail_state = 1");

        // The user's usage statistics: grouped by persona and type, summed over size, from the index alone.
        builder.HasIndex(f => new { f.UserId, f.PersonaId, f.MediaType, f.FileSize });
    }
}
