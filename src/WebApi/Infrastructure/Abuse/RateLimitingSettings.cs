using System.Net;

namespace PersonaMedia.WebApi.Infrastructure.Abuse;

/// <summary>The <c>RateLimiting</c> configuration section: every number the rate limits use.</summary>
public sealed class RateLimitingSettings
{
    public const string SectionName = "RateLimiting";

    /// <summary>False turns every limit off (for a service behind a gateway that limits already).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in and sign-up (<c>/auth/login</c>, <c>/auth/register</c>, ...): requests per client address and window.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Every endpoint that needs a token: requests per signed-in user and window.</summary>
    public WindowLimit User { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>Uploads being received at once, over all users; more wait in a queue of <c>QueueLimit</c>, beyond it 429.</summary>
    public ConcurrencyLimit Uploads { get; set; } = new() { MaxConcurrent = 16, QueueLimit = 32 };

    /// <summary>Failed sign-ins to one account: from one client address, and from everywhere, per window.</summary>
    public AccountSignInLimit AccountSignIn { get; set; } = new() { FailuresPerAddress = 5, FailuresPerAccount = 100, WindowSeconds = 900 };

    /// <summary>Upload requests and upload bytes of one user per hour.</summary>
    public UploadsPerUserLimit UploadsPerUser { get; set; } = new() { RequestsPerHour = 1000, BytesPerHour = 2L * 1024 * 1024 * 1024 };

    public IEnumerable<string> Problems() =>
        SignIn.Problems(nameof(SignIn)).Concat(User.Problems(nameof(User))).Concat(Uploads.Problems(nameof(Uploads)))
            .Concat(AccountSignIn.Problems()).Concat(UploadsPerUser.Problems());

    public sealed class AccountSignInLimit
    {
        public int FailuresPerAddress { get; set; }

        public int FailuresPerAccount { get; set; }

        public int WindowSeconds { get; set; }

        internal IEnumerable<string> Problems()
        {
            const string name = SectionName + ":" + nameof(AccountSignIn);
            const string variable = SectionName + "__" + nameof(AccountSignIn);
            if (FailuresPerAddress < 1)
            {
                yield return $"{name}:{nameof(FailuresPerAddress)} {FailuresPerAddress} must be at least 1; set {variable}__{nameof(FailuresPerAddress)}.";
            }

            if (FailuresPerAccount < FailuresPerAddress)
            {
                yield return $"{name}:{nameof(FailuresPerAccount)} {FailuresPerAccount} must be at least {nameof(FailuresPerAddress)} ({FailuresPerAddress}), "
                    + $"or one client could lock the account out for everyone; set {variable}__{nameof(FailuresPerAccount)}.";
            }

            if (WindowSeconds is < 1 or > 86_400)
            {
                yield return $"{name}:{nameof(WindowSeconds)} {WindowSeconds} must lie between 1 and 86400; set {variable}__{nameof(WindowSeconds)}.";
            }
        }
    }

    public sealed class UploadsPerUserLimit
    {
        /// <summary>KiB permits of one window are an int.</summary>
        public const long MaxBytesPerHour = int.MaxValue * 1024L;

        public int RequestsPerHour { get; set; }

        public long BytesPerHour { get; set; }

        internal IEnumerable<string> Problems()
        {
            const string name = SectionName + ":" + nameof(UploadsPerUser);
            const string variable = SectionName + "__" + nameof(UploadsPerUser);
            if (RequestsPerHour < 1)
            {
                yield return $"{name}:{nameof(RequestsPerHour)} {RequestsPerHour} must be at least 1; set {variable}__{nameof(RequestsPerHour)}.";
            }

            if (BytesPerHour < UploadFormLimits.MaxRequestBodyBytes || BytesPerHour > MaxBytesPerHour)
            {
                yield return $"{name}:{nameof(BytesPerHour)} {BytesPerHour} must lie between {UploadFormLimits.MaxRequestBodyBytes} (one upload of the largest size) "
                    + $"and {MaxBytesPerHour}; set {variable}__{nameof(BytesPerHour)}.";
            }
        }
    }

    public sealed class WindowLimit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }

        internal IEnumerable<string> Problems(string name)
        {
            if (PermitLimit < 1)
            {
                yield return $"{SectionName}:{name}:{nameof(PermitLimit)} {PermitLimit} must be at least 1; set {SectionName}__{name}__{nameof(PermitLimit)}.";
            }

            if (WindowSeconds is < 1 or > 86_400)
            {
                yield return $"{SectionName}:{name}:{nameof(WindowSeconds)} {WindowSeconds} must lie between 1 and 86400; "
                    + $"set {SectionName}__{name}__{nameof(WindowSeconds)}.";
            }
        }
    }

    public sealed class ConcurrencyLimit
    {
        public int MaxConcurrent { get; set; }

        public int QueueLimit { get; set; }

        internal IEnumerable<string> Problems(string name)
        {
            if (MaxConcurrent < 1)
            {
                yield return $"{SectionName}:{name}:{nameof(MaxConcurrent)} {MaxConcurrent} must be at least 1; set {SectionName}__{name}__{nameof(MaxConcurrent)}.";
            }

            if (QueueLimit < 0)
            {
                yield return $"{SectionName}:{name}:{nameof(QueueLimit)} {QueueLimit} must not be negative; set {SectionName}__{name}__{nameof(QueueLimit)}.";
            }
        }
    }
}

/// <summary>
/// The <c>ForwardedHeaders</c> section: the proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Nobody else's are, loopback included.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the service, such as <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    internal IEnumerable<IPAddress> Proxies => KnownProxies.Select(IPAddress.Parse);

    internal IEnumerable<IPNetwork> Networks => KnownNetworks.Select(n => IPNetwork.Parse(n));

    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return $"{SectionName}:{nameof(KnownProxies)}:{i} '{KnownProxies[i]}' is not an IP address; "
                    + $"set {SectionName}__{nameof(KnownProxies)}__{i} to one, such as 10.0.0.5.";
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return $"{SectionName}:{nameof(KnownNetworks)}:{i} '{KnownNetworks[i]}' is not a network in CIDR notation; "
                    + $"set {SectionName}__{nameof(KnownNetworks)}__{i} to one, such as 10.0.0.0/8.";
            }
        }
    }
}
