using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PersonaMedia.WebApi.Infrastructure.Operability;

/// <summary>
/// Once shutdown has begun, a new upload is answered 503 with <c>Retry-After</c> before a byte of
/// its body is read: it could not finish before the process ends, and the client should send it to
/// another instance or again in a moment. Uploads already running are left to finish.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RefuseWhileStoppingAttribute : Attribute, IAsyncResourceFilter, IOrderedFilter
{
    public const int RetryAfterSeconds = 5;

    /// <summary>Before the form-binding filters and anything that reads the body; inside the upload metrics' filter, which counts its refusals.</summary>
    public int Order => int.MinValue + 1;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<ServiceLifecycle>().State != LifecycleState.Stopping)
        {
            await next();
            return;
        }

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.Connection = "close";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The service is shutting down and takes no new uploads; retry in a moment.",
            },
        });
        context.Result = new EmptyResult();
    }
}
