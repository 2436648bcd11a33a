using FluentValidation;
using Mediator;
using PersonaMedia.Application.Common.Behaviours;
using ValidationException = PersonaMedia.Application.Common.Exceptions.ValidationException;

namespace PersonaMedia.Application.UnitTests.Common.Behaviours;

public class ValidationBehaviourTests
{
    private bool _handlerCalled;

    private ValueTask<string> Handler(Ping message, CancellationToken cancellationToken)
    {
        _handlerCalled = true;
        return ValueTask.FromResult("handled " + message.Name);
    }

    [SetUp]
    public void Reset() => _handlerCalled = false;

    [Test]
    public async Task Without_validators_the_handler_runs()
    {
        var behaviour = new ValidationBehaviour<Ping, string>([]);

        var response = await behaviour.Handle(new Ping(null, null), Handler, CancellationToken.None);

        Assert.That(response, Is.EqualTo("handled "));
    }

    [Test]
    public async Task When_every_validator_passes_the_handler_runs()
    {
        var behaviour = new ValidationBehaviour<Ping, string>([NameRequired(), NoteShort()]);

        var response = await behaviour.Handle(new Ping("x", "short"), Handler, CancellationToken.None);

        Assert.That(response, Is.EqualTo("handled x"));
    }

    [Test]
    public async Task Failures_of_all_validators_become_one_exception_and_the_handler_never_runs()
    {
        var behaviour = new ValidationBehaviour<Ping, string>([NameRequired(), NoteShort()]);

        var error = await Assert.ThrowsAsync<ValidationException>(
            async () => await behaviour.Handle(new Ping("", "far too long a note"), Handler, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors.Keys, Is.EquivalentTo(["name", "note"]));
            Assert.That(error.Errors["name"], Is.EqualTo(["'name' must not be empty."]));
            Assert.That(error.Detail, Does.Contain("'name' must not be empty.").And.Contain("'note'"));
            Assert.That(_handlerCalled, Is.False);
        });
    }

    [Test]
    public async Task Messages_from_two_validators_on_one_field_are_kept_together_once_each()
    {
        var first = new InlineValidator<Ping>();
        first.RuleFor(p => p.Name).NotEmpty();
        first.RuleFor(p => p.Name).Must(n => n == "x").WithMessage("must be x");
        var second = new InlineValidator<Ping>();
        second.RuleFor(p => p.Name).Must(n => n == "x").WithMessage("must be x");
        var behaviour = new ValidationBehaviour<Ping, string>([first, second]);

        var error = await Assert.ThrowsAsync<ValidationException>(
            async () => await behaviour.Handle(new Ping("", null), Handler, CancellationToken.None));

        Assert.That(error.Errors["name"], Is.EqualTo(["'name' must not be empty.", "must be x"]));
    }

    private static InlineValidator<Ping> NameRequired()
    {
        var validator = new InlineValidator<Ping>();
        validator.RuleFor(p => p.Name).NotEmpty();
        return validator;
    }

    private static InlineValidator<Ping> NoteShort()
    {
        var validator = new InlineValidator<Ping>();
        validator.RuleFor(p => p.Note).MaximumLength(5);
        return validator;
    }

    public sealed record Ping(string? Name, string? Note) : ICommand<string>;
}
