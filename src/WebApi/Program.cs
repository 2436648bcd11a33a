using PersonaMedia.Application;
using PersonaMedia.Infrastructure;
using PersonaMedia.Infrastructure.Persistence;
using PersonaMedia.WebApi;
using PersonaMedia.WebApi.Infrastructure;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// JSON bodies are small; the upload actions raise this to the file limit for themselves.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddWebApi(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.Use((context, next) =>
{
    // Browsers must take every answer for the type it declares, downloads above all.
    context.Response.Headers.XContentTypeOptions = "nosniff";
    return next(context);
});
app.UseCors(PersonaMedia.WebApi.DependencyInjection.CorsPolicy);
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.MapHealthEndpoints();
app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference().AllowAnonymous();
}

await app.Services.InitialiseDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
