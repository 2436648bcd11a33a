using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media;
using PersonaMedia.Infrastructure.Media.Privacy;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.Infrastructure.Media;

internal static class MediaServices
{
    /// <summary>The processing settings (checked at start) and the readers of uploaded media.</summary>
    public static void AddMediaProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<MediaProcessingOptions>(configuration.GetSection(MediaProcessingOptions.SectionName), o => o.Problems());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaProcessingOptions>>().Value);
        services.AddSingleton<IMediaInspector, MediaInspector>();
        services.AddSingleton<IMetadataStripper, MetadataStripper>();
        services.AddSingleton<IThumbnailMaker, VipsThumbnailMaker>();
        services.AddSingleton<ThumbnailWorker>();
        services.AddSingleton<IThumbnailScheduler>(sp => sp.GetRequiredService<ThumbnailWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ThumbnailWorker>());
    }
}
