namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>
/// A row this request read was changed or removed by another request before this one saved: the
/// database's UPDATE or DELETE touched no row. The use case decides what that means for its caller
/// (a row that went away is simply not found any more).
/// </summary>
public sealed class ConcurrencyException(Exception inner)
    : Exception("The row was changed or removed by another request.", inner);
