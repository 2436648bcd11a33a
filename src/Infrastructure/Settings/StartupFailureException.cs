namespace PersonaMedia.Infrastructure.Settings;

/// <summary>
/// The service cannot start, for a reason an operator can fix: the message is one sentence that
/// says what is wrong and what to do, logged as one line without a stack trace.
/// </summary>
public sealed class StartupFailureException(string message, Exception? innerException = null) : Exception(message, innerException);
