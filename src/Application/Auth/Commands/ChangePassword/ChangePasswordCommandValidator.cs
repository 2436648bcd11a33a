using FluentValidation;
using PersonaMedia.Domain.Users;

namespace PersonaMedia.Application.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(User.PasswordMaxLength);
        RuleFor(c => c.NewPassword).NotEmpty().Length(User.PasswordMinLength, User.PasswordMaxLength);
    }
}
