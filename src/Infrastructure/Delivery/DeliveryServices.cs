using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Infrastructure.Settings;

namespace PersonaMedia.Infrastructure.Delivery;

internal static class DeliveryServices
{
    /// <summary>The signer of media URLs, with its keys (configured, or in Development derived from the JWT key).</summary>
    public static void AddMediaDelivery(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddValidatedSettings<MediaUrlOptions>(
            configuration.GetSection(MediaUrlOptions.SectionName), o => o.Problems(environment.IsDevelopment()));
        services.AddSingleton<IMediaUrlSigner>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaUrlOptions>>().Value;
            IReadOnlyList<byte[]> keys = options.UrlSigningKeys.Count > 0
                ? options.UrlSigningKeys.ConvertAll(k => Encoding.UTF8.GetBytes(k))
                : [HmacMediaUrlSigner.DevelopmentKey(sp.GetRequiredService<SymmetricSecurityKey>().Key)];
            return new HmacMediaUrlSigner(
                keys, TimeSpan.FromSeconds(options.UrlDefaultExpirySeconds), TimeSpan.FromSeconds(options.UrlMaxExpirySeconds));
        });
    }
}
