using Microsoft.AspNetCore.Mvc.ModelBinding;
using PersonaMedia.Domain.Media;

namespace PersonaMedia.WebApi.Infrastructure;

/// <summary>
/// Reads the <c>media_type</c> query value, as the API spells kinds (<c>image</c>, <c>video</c>),
/// into the domain's <see cref="MediaType"/> at the edge. Anything else is a binding failure,
/// reported like every unreadable input by <see cref="RequestBindingFailureFilter"/>. (MVC's own
/// enum binding would also take "Image", "1" and "2".)
/// </summary>
internal sealed class MediaTypeQueryBinder : IModelBinder
{
    public const string Image = "image";
    public const string Video = "video";

    public static string Format(MediaType mediaType) => mediaType == MediaType.Video ? Video : Image;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None || string.IsNullOrEmpty(value.FirstValue))
        {
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        MediaType? parsed = value.FirstValue.ToLowerInvariant() switch
        {
            Image => MediaType.Image,
            Video => MediaType.Video,
            _ => null,
        };
        if (parsed is null)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "'media_type' must be 'image' or 'video'.");
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(parsed);
        }

        return Task.CompletedTask;
    }
}
