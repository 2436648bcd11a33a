using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.Application.Common.Behaviours;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure;
using PersonaMedia.Infrastructure.Identity;
using PersonaMedia.WebApi.Infrastructure;
using PersonaMedia.WebApi.OpenApi;

namespace PersonaMedia.WebApi;

public static class DependencyInjection
{
    public const string CorsPolicy = "frontends";

    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        // The pipeline order, written once: logging (with timing) -> validation -> handler.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>)];
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();

        services
            .AddControllers(options =>
            {
                options.Filters.Add<RequestBindingFailureFilter>();
                options.Filters.Add<EntityTagResultFilter>();
            })
            .ConfigureApiBehaviorOptions(options => options.SuppressModelStateInvalidFilter = true)
            .AddJsonOptions(options =>
            {
                Configure(options.JsonSerializerOptions);
                // Binding errors say what was wrong without echoing serializer internals.
                options.AllowInputFormatterExceptionMessages = false;
            });
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= DefaultDetail(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Extensions.Remove("traceId");
            problem.Extensions["trace_id"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddJwtBearerAuthentication();
        services.AddAuthorization();

        services.AddSingleton<IValidateOptions<CorsSettings>>(new CorsSettings.Validator(configuration));
        services.AddOptions<CorsSettings>().Bind(configuration.GetSection(CorsSettings.SectionName)).ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((options, settings) => options.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(settings.Value.AllowedOrigins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(ApiHeaders.ExposedToFrontEnds)));

        services.AddApiContract();

        return services;
    }

    /// <summary>snake_case names and enum values, as the original service's clients expect.</summary>
    private static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        // Numbers are numbers: the web defaults also read "5" as 5, which made every id "integer or string" in the OpenAPI document.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    /// <summary>Validates tokens with the options and the key the token service issues them with (bound once, in Infrastructure).</summary>
    private static void AddJwtBearerAuthentication(this IServiceCollection services)
    {
        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, SigningKeySet>((options, jwtOptions, signingKeys) =>
            {
                var jwt = jwtOptions.Value;
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    // The first signs, every one validates (rotation); a token names its key by kid.
                    IssuerSigningKeys = signingKeys.All,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = StrictTokenRules.ClockSkew,
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context => StrictTokenRules.Pass(context) ? TokenUserValidation.RejectStaleTokenAsync(context) : Task.CompletedTask,
                    OnChallenge = JwtBearerProblems.WriteChallengeAsync,
                };
            });
    }

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid.",
        StatusCodes.Status401Unauthorized => "Not authenticated",
        StatusCodes.Status403Forbidden => "Not allowed.",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
        StatusCodes.Status406NotAcceptable => "The requested response type cannot be produced.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported request content type.",
        _ => ReasonPhrases(status),
    };

    private static string ReasonPhrases(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
            ? phrase
            : "An error occurred.";
}
