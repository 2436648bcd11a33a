namespace PersonaMedia.Application.Common.Models;

/// <summary>The original service's acknowledgement body: <c>{"detail": "..."}</c>.</summary>
public sealed record DetailResponse(string Detail);
