using FluentValidation;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth.Commands.Register;

public sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator()
    {
        RuleFor(c => c.Email)
            .NotEmpty()
            .MaximumLength(User.EmailMaxLength)
            .EmailAddress();

        RuleFor(c => c.Username)
            .NotEmpty()
            .MaximumLength(User.UsernameMaxLength)
            .Must(u => u is null || !u.Any(char.IsControl))
            .WithMessage("'{PropertyName}' must not contain control characters.");

        RuleFor(c => c.Password)
            .NotEmpty()
            .Length(User.PasswordMinLength, User.PasswordMaxLength);

        RuleFor(c => c.FullName)
            .MaximumLength(User.FullNameMaxLength);
    }
}
