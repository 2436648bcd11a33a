namespace PersonaMedia.Application.Auth;

public sealed record UserDto(int Id, string Email, string Username, string? FullName, DateTime CreatedAt);
