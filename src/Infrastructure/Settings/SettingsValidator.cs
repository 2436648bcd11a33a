using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PersonaMedia.Infrastructure.Settings;

/// <summary>
/// Validates one options class by asking it for its problems. Each problem is one sentence that
/// names the setting, says what is wrong with its value and how to fix it; the host refuses to
/// start on any of them (<c>ValidateOnStart</c>), and Program logs each as one line.
/// </summary>
public sealed class SettingsValidator<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var found = problems(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}

public static class SettingsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to its section and refuses to start while it has problems.</summary>
    public static OptionsBuilder<TOptions> AddValidatedSettings<TOptions>(
        this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration section, Func<TOptions, IEnumerable<string>> problems)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(problems));
        return services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
    }
}
