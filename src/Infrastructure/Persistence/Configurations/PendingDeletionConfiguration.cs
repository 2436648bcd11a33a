using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaMedia.Domain.Storage;

namespace PersonaMedia.Infrastructure.Persistence.Configurations;

internal sealed class PendingDeletionConfiguration : IEntityTypeConfiguration<PendingDeletion>
{
    public void Configure(EntityTypeBuilder<PendingDeletion> builder)
    {
        builder.ToTable("pending_deletions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Key).HasMaxLength(PendingDeletion.KeyMaxLength).IsUnicode(false).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(PendingDeletion.LastErrorMaxLength);
        builder.Ignore(d => d.IsPrefix);

        // The retrier's question: which are due, oldest first.
        builder.HasIndex(d => d.NextAttemptAt);
    }
}
