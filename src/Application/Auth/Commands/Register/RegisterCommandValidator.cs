using FluentValidation;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth.Commands.Register;

public sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator()
    {
        RuleFor(c => c.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(User.EmailMaxLength)
            .Must(e => EmailAddress.Problem(e) is null)
            .WithMessage((_, e) => "'{PropertyName}' " + EmailAddress.Problem(e));

        RuleFor(c => c.Username)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(User.UsernameMaxLength)
            .Must(u => UsernameRules.Problem(u) is null)
            .WithMessage((_, u) => "'{PropertyName}' " + UsernameRules.Problem(u));

        RuleFor(c => c.Password)
            .NotEmpty()
            .Length(User.PasswordMinLength, User.PasswordMaxLength);

        RuleFor(c => c.FullName)
            .MaximumLength(User.FullNameMaxLength);
    }
}
