namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Says what a provider's own exception (a SQLite error code, an Azure status, an errno) means to
/// a client, as one of the Application's exceptions: a fault that passes
/// (<see cref="Exceptions.ServiceUnavailableException"/>) or a full disk
/// (<see cref="Exceptions.InsufficientStorageException"/>). Null for anything it does not know,
/// which stays an unexpected error.
/// </summary>
public interface IFaultTranslator
{
    Exception? Translate(Exception exception);
}
