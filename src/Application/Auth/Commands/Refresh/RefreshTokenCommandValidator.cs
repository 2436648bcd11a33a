using FluentValidation;

namespace PersonaMedia.Application.Auth.Commands.Refresh;

public sealed class RefreshTokenCommandValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenCommandValidator()
    {
        RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(TokenLimits.RefreshTokenMaxLength);
    }
}
