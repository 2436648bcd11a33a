using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaMedia.Domain.Personas;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Infrastructure.Persistence.Configurations;

internal sealed class PersonaConfiguration : IEntityTypeConfiguration<Persona>
{
    public void Configure(EntityTypeBuilder<Persona> builder)
    {
        builder.ToTable("personas");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Persona.NameMaxLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(Persona.DescriptionMaxLength);
        builder.Property(p => p.RelationType).HasMaxLength(Persona.RelationTypeMaxLength);

        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.UserId);

        // A persona being deleted is gone for every query; only its deletion sees it (IgnoreQueryFilters).
        builder.HasQueryFilter(p => p.DeletionStartedAt == null);
    }
}
