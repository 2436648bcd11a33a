using PersonaMedia.Application.Media.Delivery;

namespace PersonaMedia.Application.Common.Interfaces;

/// <summary>
/// Signs and reads the tokens of signed media URLs (<c>/media/{token}</c>), which a browser's
/// <c>&lt;img&gt;</c> or <c>&lt;video&gt;</c> can load without a bearer header.
/// </summary>
public interface IMediaUrlSigner
{
    /// <summary>How long a URL lives when the caller does not say.</summary>
    TimeSpan DefaultLifetime { get; }

    /// <summary>The longest lifetime a caller may ask for.</summary>
    TimeSpan MaxLifetime { get; }

    /// <summary>An opaque, URL-safe token for the grant, signed with the current key.</summary>
    string Sign(MediaUrlGrant grant);

    /// <summary>
    /// The grant a token carries when one of the accepted keys signed it; null for anything else
    /// (malformed, tampered, unknown key). Expiry is the caller's to check, against its clock.
    /// </summary>
    MediaUrlGrant? Read(string token);
}

/// <summary>Where clients reach this service, for the absolute URLs it hands out.</summary>
public interface IServiceAddress
{
    /// <summary>The absolute URL of <paramref name="path"/> (relative to the service's root, without a leading '/').</summary>
    Uri Resolve(string path);
}
