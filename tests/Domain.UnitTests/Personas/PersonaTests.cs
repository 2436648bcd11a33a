using PersonaMedia.Domain.Common;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.Domain.UnitTests.Personas;

public class PersonaTests
{
    private static readonly DateTime Created = new(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Create_keeps_the_owner_the_fields_and_one_time_for_both_stamps()
    {
        var persona = Persona.Create(7, "Grandma", "Loves gardening", "family", Created);

        Assert.Multiple(() =>
        {
            Assert.That(persona.UserId, Is.EqualTo(7));
            Assert.That(persona.Name, Is.EqualTo("Grandma"));
            Assert.That(persona.Description, Is.EqualTo("Loves gardening"));
            Assert.That(persona.RelationType, Is.EqualTo("family"));
            Assert.That(persona.CreatedAt, Is.EqualTo(Created));
            Assert.That(persona.UpdatedAt, Is.EqualTo(Created));
        });
    }

    [Test]
    public void Description_and_relation_type_are_optional()
    {
        var persona = Persona.Create(1, "Solo", null, null, Created);

        Assert.Multiple(() =>
        {
            Assert.That(persona.Description, Is.Null);
            Assert.That(persona.RelationType, Is.Null);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Name_is_required(string? name)
    {
        var error = Assert.Throws<DomainException>(() => Persona.Create(1, name!, null, null, Created));

        Assert.That(error.Message, Does.Contain("Name"));
    }

    [Test]
    public void Name_of_100_characters_is_accepted_and_101_refused()
    {
        Assert.That(Persona.Create(1, new string('n', 100), null, null, Created).Name, Has.Length.EqualTo(100));
        var error = Assert.Throws<DomainException>(() => Persona.Create(1, new string('n', 101), null, null, Created));
        Assert.That(error.Message, Does.Contain("100"));
    }

    [Test]
    public void Description_of_2000_characters_is_accepted_and_2001_refused()
    {
        Assert.That(Persona.Create(1, "P", new string('d', 2000), null, Created).Description, Has.Length.EqualTo(2000));
        var error = Assert.Throws<DomainException>(() => Persona.Create(1, "P", new string('d', 2001), null, Created));
        Assert.That(error.Message, Does.Contain("Description").And.Contain("2000"));
    }

    [Test]
    public void Relation_type_of_50_characters_is_accepted_and_51_refused()
    {
        Assert.That(Persona.Create(1, "P", null, new string('r', 50), Created).RelationType, Has.Length.EqualTo(50));
        var error = Assert.Throws<DomainException>(() => Persona.Create(1, "P", null, new string('r', 51), Created));
        Assert.That(error.Message, Does.Contain("Relation type").And.Contain("50"));
    }

    [Test]
    public void Update_replaces_every_field_and_advances_updated_at_only()
    {
        var persona = Persona.Create(3, "Old", "old description", "friend", Created);
        var later = Created.AddMinutes(5);

        persona.Update("New", null, null, later);

        Assert.Multiple(() =>
        {
            Assert.That(persona.Name, Is.EqualTo("New"));
            Assert.That(persona.Description, Is.Null);
            Assert.That(persona.RelationType, Is.Null);
            Assert.That(persona.UpdatedAt, Is.EqualTo(later));
            Assert.That(persona.CreatedAt, Is.EqualTo(Created));
            Assert.That(persona.UserId, Is.EqualTo(3));
        });
    }

    [Test]
    public void Update_advances_updated_at_even_when_the_clock_does_not()
    {
        // The same rule as a media file's: a change is always later than the one before it.
        var persona = Persona.Create(1, "P", null, null, Created);

        persona.Update("P2", null, null, Created.AddSeconds(-30));
        var afterFirst = persona.UpdatedAt;
        persona.Update("P3", null, null, Created);

        Assert.That(afterFirst, Is.GreaterThan(Created));
        Assert.That(persona.UpdatedAt, Is.GreaterThan(afterFirst));
    }

    [Test]
    public void A_refused_update_changes_nothing()
    {
        var persona = Persona.Create(1, "Keep", "kept", "kept", Created);

        // The name is valid and checked first; the description is not: nothing may be half-applied.
        Assert.Throws<DomainException>(() => persona.Update("Changed", new string('d', 2001), "changed", Created.AddMinutes(1)));

        Assert.Multiple(() =>
        {
            Assert.That(persona.Name, Is.EqualTo("Keep"));
            Assert.That(persona.Description, Is.EqualTo("kept"));
            Assert.That(persona.RelationType, Is.EqualTo("kept"));
            Assert.That(persona.UpdatedAt, Is.EqualTo(Created));
        });
    }

    [TestCase(DateTimeKind.Local)]
    [TestCase(DateTimeKind.Unspecified)]
    public void A_time_that_is_not_utc_is_refused(DateTimeKind kind)
    {
        var persona = Persona.Create(1, "P", null, null, Created);

        Assert.Throws<DomainException>(() => Persona.Create(1, "P", null, null, DateTime.SpecifyKind(Created, kind)));
        Assert.Throws<DomainException>(() => persona.Update("P", null, null, DateTime.SpecifyKind(Created.AddHours(1), kind)));
    }
}
