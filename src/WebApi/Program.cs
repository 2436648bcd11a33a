using Microsoft.Extensions.Options;
using PersonaMedia.Application;
using PersonaMedia.Infrastructure;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.Infrastructure.Settings;
using PersonaMedia.WebApi;
using PersonaMedia.WebApi.Infrastructure;
using PersonaMedia.WebApi.Infrastructure.Abuse;
using PersonaMedia.WebApi.Infrastructure.Delivery;
using PersonaMedia.WebApi.Infrastructure.Operability;
using PersonaMedia.WebApi.Infrastructure.Telemetry;
using PersonaMedia.WebApi.OpenApi;

// Relative paths (the SQLite file, data/, uploads/) are taken from the content root, and the
// content root is the application's own folder (where PersonaMedia.WebApi.dll is: /app in the
// image), whoever starts the process from wherever; ASPNETCORE_CONTENTROOT or --contentRoot
// choose another.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = StartupSettings.ContentRootGiven(args) ? null : AppContext.BaseDirectory,
});

if (LoggingSettings.Problem(builder.Configuration) is { } loggingProblem)
{
    // No logger can be made from these settings: say it plainly where the logs would have gone.
    await Console.Error.WriteLineAsync($"crit: PersonaMedia.Startup: {loggingProblem}");
    return 1;
}

// JSON bodies are small; the upload actions raise this to the file limit for themselves.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
builder.AddTelemetry();
builder.Configuration.AddSecretFiles();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddWebApi(builder.Configuration)
    .AddOperability(builder.Configuration)
    .AddSecurityHeaders(builder.Configuration)
    .AddSignedMedia()
    .AddRateLimits(builder.Configuration)
    .AddConnectionLimits(builder.Configuration);

var app = builder.Build();

app.UseClientAddress();
app.UseTelemetry();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseConsole();   // the reference console's files at /console/ (clients/console)
app.UseCors(PersonaMedia.WebApi.DependencyInjection.CorsPolicy);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapControllers();
app.MapHealthEndpoints();
app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    app.MapApiReference();
}

var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PersonaMedia.Startup");
try
{
    // Every setting is checked before anything is opened: each problem is one line naming the
    // setting, what is wrong and the fix; then the process ends with exit code 1, no stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    StartupSettings.LogSettings(startup, app.Services);
    await app.Services.InitialiseDatabaseAsync();
}
catch (Exception ex) when (StartupSettings.Problems(ex) is { Count: > 0 } problems)
{
    foreach (var problem in problems)
    {
        StartupSettings.LogProblem(startup, problem);
    }

    if (StartupSettings.HostedByTestFactory)
    {
        throw;
    }

    // Disposing the host flushes the console logger's queue, which a plain return would drop.
    await app.DisposeAsync();
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
