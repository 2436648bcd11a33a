using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaMedia.Domain.Users;
using PersonaMedia.Infrastructure.Quota;

namespace PersonaMedia.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Email).HasMaxLength(User.EmailMaxLength).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(User.EmailMaxLength).IsRequired();
        builder.Property(u => u.Username).HasMaxLength(User.UsernameMaxLength).IsRequired();
        builder.Property(u => u.NormalizedUsername).HasMaxLength(User.UsernameMaxLength).IsRequired();
        builder.Property(u => u.UsernameSkeleton).HasMaxLength(User.UsernameSkeletonMaxLength);
        builder.Property(u => u.FullName).HasMaxLength(User.FullNameMaxLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(User.PasswordHashMaxLength).IsRequired();
        builder.Property(u => u.CreatedAt).IsRequired();
        builder.Property(u => u.SecurityStamp).HasMaxLength(User.SecurityStampLength).IsUnicode(false).IsRequired();

        // The bytes of the user's files, kept by the unit of work for the quota (Quota/StorageUsage.cs).
        builder.Property<long>(StorageUsage.Property).HasDefaultValue(0L).ValueGeneratedNever();

        // The uniqueness rules live in the database, so concurrent registrations cannot both win.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasIndex(u => u.NormalizedUsername).IsUnique();

        // Nullable only for accounts older than the column (filled in at start); SQL Server's index is
        // filtered to non-null values, SQLite's unique index lets any number of nulls in anyway.
        builder.HasIndex(u => u.UsernameSkeleton).IsUnique();
    }
}
