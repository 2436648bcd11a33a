using System.Runtime.CompilerServices;
using System.Text.Json;
using FluentValidation;

namespace PersonaMedia.Application.Common;

/// <summary>
/// Errors are keyed and worded by the JSON field the client sent (snake_case), not by the C#
/// property. FluentValidation keeps this in process-wide settings, so it is set once, when this
/// assembly loads, before any validator of it can run: not as a side effect of DI registration.
/// </summary>
internal static class ValidationNaming
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "FluentValidation's naming is process-wide by design; the validators of this assembly need it before their first run.")]
    internal static void UseJsonFieldNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = ValidatorOptions.Global.PropertyNameResolver;
    }
}
