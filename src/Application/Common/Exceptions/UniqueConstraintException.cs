namespace PersonaMedia.Application.Common.Exceptions;

/// <summary>
/// The database's unique index refused a change; raised by the unit of work so handlers can say
/// which rule was hit without knowing the database.
/// </summary>
public sealed class UniqueConstraintException(Exception innerException)
    : Exception("A unique index refused the change.", innerException);
