using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Media;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Application.Media.Delivery;
using PersonaMedia.Application.Personas;

namespace PersonaMedia.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the validators and application services. The mediator itself, with the pipeline
    /// order (logging, then validation, then the handler), is added by the host: Mediator's source
    /// generator must run in the project that calls <c>AddMediator</c>.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<StoredFileRemover>();
        services.AddScoped<UploadReplays>();
        services.AddScoped<PersonaDeletion>();
        services.AddScoped<MediaUrls>();
        services.AddScoped<PersonaMedia.Application.Auth.SessionTokens>();

        // The upload's steps; each names its stage, so a new one joins here without touching the handler.
        services.AddScoped<UploadPipeline>();
        services.AddScoped<IUploadStep, CheckContentStep>();
        services.AddScoped<IUploadStep, StripMetadataStep>();
        services.AddScoped<IUploadStep, InspectContentStep>();
        services.AddScoped<IUploadStep, StoreContentStep>();
        services.AddScoped<IUploadStep, CompleteRequestStep>();
        services.AddScoped<IUploadStep, RecordMediaFileStep>();
        services.AddScoped<IUploadStep, EnqueueThumbnailsStep>();
        services.AddScoped<PersonaMedia.Application.Media.Thumbnails.ThumbnailGeneration>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
