using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// The reference console (clients/console, a Vite build) at <c>/console/</c>: static files from the
/// <c>console</c> folder beside the application's assembly, where the WebApi project's build copies
/// the console's build output (WebApi.csproj, target <c>CopyConsole</c>; the Docker image builds it in
/// a Node stage). The console talks to the API on the same origin, so its policy allows only 'self'.
/// Without that folder (a build on a machine without Node), <c>/console</c> answers a 404 problem that
/// says so.
/// </summary>
internal static partial class ConsoleFiles
{
    public const string Path = "/console";

    /// <summary>
    /// Everything from the service's own origin and nothing else: scripts and styles are files of the
    /// build (no inline code), images are signed media URLs or object URLs of fetched thumbnails.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "console");

    public static WebApplication UseConsole(this WebApplication app)
    {
        var folder = Folder;
        if (!File.Exists(System.IO.Path.Combine(folder, "index.html")))
        {
            LogNotBuilt(app.Logger, folder);
            var missing = (HttpContext context) => Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: "The console is not part of this build: build src/WebApi on a machine with Node (npm), or use the Docker image.");
            app.Map(Path, missing).AllowAnonymous().ExcludeFromDescription();
            app.Map(Path + "/{**rest}", missing).AllowAnonymous().ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(folder);

        // "/console" → "/console/", so that the page's relative asset paths resolve under it.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect(Path + "/" + context.Request.QueryString, permanent: true);
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;

                // Vite names every asset by its content's hash: those never change. The page itself is
                // asked again each time (a 304 when it did not change), so a new build is seen at once.
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments(Path + "/assets", StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The console is not served: {Folder} holds no index.html (the WebApi build makes it where Node is installed)")]
    private static partial void LogNotBuilt(ILogger logger, string folder);
}
