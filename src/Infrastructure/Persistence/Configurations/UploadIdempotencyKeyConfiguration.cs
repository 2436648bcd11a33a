using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.Infrastructure.Persistence.Configurations;

internal sealed class UploadIdempotencyKeyConfiguration : IEntityTypeConfiguration<UploadIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<UploadIdempotencyKey> builder)
    {
        builder.ToTable("upload_idempotency_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Key).HasMaxLength(UploadIdempotencyKey.KeyMaxLength).IsUnicode(false).IsRequired();
        builder.Property(k => k.RequestHash)
            .HasMaxLength(UploadIdempotencyKey.RequestHashLength).IsFixedLength().IsUnicode(false).IsRequired();

        // A key goes with the file it made (and so with its persona and user); the user's id is
        // kept beside it, without a second cascade path, for the unique index.
        builder.HasOne(k => k.MediaFile).WithMany().HasForeignKey(k => k.MediaFileId).OnDelete(DeleteBehavior.Cascade);

        // One key per user: two requests racing with one key cannot both insert theirs.
        builder.HasIndex(k => new { k.UserId, k.Key }).IsUnique();
        builder.HasIndex(k => k.ExpiresAt);
    }
}
