using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PersonaMedia.Application.Common.Interfaces;
using PersonaMedia.Application.Media;
using PersonaMedia.Application.Media.Commands.UploadMedia;
using PersonaMedia.Application.Personas;
using PersonaMedia.Domain.Media;
using PersonaMedia.Domain.Personas;

namespace PersonaMedia.WebApi.FunctionalTests.Support;

/// <summary>
/// A point in the service where a test holds the first request that reaches it, so two requests
/// interleave in exactly the order the test wants instead of in whatever order a race happens to
/// give. <see cref="Reached"/> completes when the request arrives; it goes on after <see cref="Release"/>.
/// </summary>
public sealed class Pause
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed = 1;

    /// <summary>Completes once a request is held here; bounded, so a test that misplaced its pause fails instead of hanging.</summary>
    public Task Reached => _reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Release() => _released.TrySetResult();

    internal async Task HoldAsync()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}

/// <summary>Where the service can be held; each test arms the one it needs, the rest stay open.</summary>
public sealed class Interleavings
{
    /// <summary>After a DELETE or PUT of a file has read the file's row, before it saves.</summary>
    public Pause? AfterFileRead { get; set; }

    /// <summary>After a PUT of a persona has read the persona's row, before it saves; before a DELETE marks it.</summary>
    public Pause? AfterPersonaRead { get; set; }

    /// <summary>In an upload after the persona check, before anything is stored.</summary>
    public Pause? UploadBeforeStore { get; set; }

    /// <summary>In an upload whose bytes are stored (still invisible), before they are committed and the row inserted.</summary>
    public Pause? UploadBeforeRecord { get; set; }

    /// <summary>In a persona's deletion, after a batch of its media rows was removed, before the next.</summary>
    public Pause? AfterDeleteBatch { get; set; }

    /// <summary>In an upload with an Idempotency-Key, after the key was looked up, before the row and the key are inserted.</summary>
    public Pause? AfterIdempotencyKeyLookup { get; set; }

    public void Clear() =>
        (AfterFileRead, AfterPersonaRead, UploadBeforeStore, UploadBeforeRecord, AfterIdempotencyKeyLookup, AfterDeleteBatch) =
        (null, null, null, null, null, null);

    /// <summary>
    /// The app over the same database and store, with the seams in place: the repositories it
    /// registered, wrapped, and two upload steps joining the pipeline by stage like any other step.
    /// </summary>
    public static WebApplicationFactory<Program> Install(TestApp app, Interleavings interleavings) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(interleavings);
            Wrap<IMediaFileRepository>(services, (sp, inner) => new PausingMediaFileRepository(inner, sp.GetRequiredService<Interleavings>()));
            Wrap<IPersonaRepository>(services, (sp, inner) => new PausingPersonaRepository(inner, sp.GetRequiredService<Interleavings>()));
            Wrap<IUploadIdempotencyKeyRepository>(
                services, (sp, inner) => new PausingIdempotencyKeyRepository(inner, sp.GetRequiredService<Interleavings>()));
            services.AddScoped<IUploadStep>(sp => new PausingStep(UploadStage.Store - 1, () => sp.GetRequiredService<Interleavings>().UploadBeforeStore));
            services.AddScoped<IUploadStep>(sp => new PausingStep(UploadStage.Record - 1, () => sp.GetRequiredService<Interleavings>().UploadBeforeRecord));
        }));

    /// <summary>A client of the app with the user's token.</summary>
    public static HttpClient ClientFor(WebApplicationFactory<Program> app, UserClient user)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    private static void Wrap<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> wrap)
        where TService : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(TService));
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered by type.");
        services.Remove(registered);
        services.AddScoped(sp => wrap(sp, (TService)ActivatorUtilities.CreateInstance(sp, implementation)));
    }

    private sealed class PausingStep(UploadStage stage, Func<Pause?> pause) : IUploadStep
    {
        public UploadStage Stage => stage;

        public async ValueTask RunAsync(UploadContext upload, CancellationToken cancellationToken)
        {
            if (pause() is { } armed)
            {
                await armed.HoldAsync();
            }
        }
    }

    private sealed class PausingMediaFileRepository(IMediaFileRepository inner, Interleavings interleavings) : IMediaFileRepository
    {
        public void Add(MediaFile file) => inner.Add(file);

        public void Remove(MediaFile file) => inner.Remove(file);

        public async Task<MediaFile?> FindOwnedAsync(int userId, int fileId, CancellationToken cancellationToken)
        {
            var file = await inner.FindOwnedAsync(userId, fileId, cancellationToken);
            if (interleavings.AfterFileRead is { } pause)
            {
                await pause.HoldAsync();
            }

            return file;
        }

        public Task<bool> SaveIfUnchangedAsync(MediaFile file, DateTime expectedUpdatedAt, CancellationToken cancellationToken) =>
            inner.SaveIfUnchangedAsync(file, expectedUpdatedAt, cancellationToken);

        public Task<MediaFileDto?> FindOwnedDtoAsync(int userId, int fileId, CancellationToken cancellationToken) =>
            inner.FindOwnedDtoAsync(userId, fileId, cancellationToken);

        public Task<MediaFileDto?> FindDtoAsync(int fileId, CancellationToken cancellationToken) =>
            inner.FindDtoAsync(fileId, cancellationToken);

        public Task<Application.Common.Models.Page<MediaFileDto>> ListByPersonaAsync(
            int userId, int personaId, MediaType? mediaType, int limit, int offset, CancellationToken cancellationToken) =>
            inner.ListByPersonaAsync(userId, personaId, mediaType, limit, offset, cancellationToken);

        public Task<IReadOnlyList<string>> ListStorageKeysOfPersonaAsync(int userId, int personaId, CancellationToken cancellationToken) =>
            inner.ListStorageKeysOfPersonaAsync(userId, personaId, cancellationToken);

        public Task<IReadOnlyList<MediaUsage>> GetUsageAsync(int userId, CancellationToken cancellationToken) =>
            inner.GetUsageAsync(userId, cancellationToken);

        public Task<IReadOnlyList<int>> ListPendingThumbnailsAsync(int afterId, int limit, CancellationToken cancellationToken) =>
            inner.ListPendingThumbnailsAsync(afterId, limit, cancellationToken);

        public Task<bool> SettleThumbnailsAsync(int fileId, ThumbnailState state, CancellationToken cancellationToken) =>
            inner.SettleThumbnailsAsync(fileId, state, cancellationToken);

        public async Task<(int Removed, bool FullBatch)> RemoveBatchOfPersonaAsync(int userId, int personaId, CancellationToken cancellationToken)
        {
            var batch = await inner.RemoveBatchOfPersonaAsync(userId, personaId, cancellationToken);
            if (interleavings.AfterDeleteBatch is { } pause)
            {
                await pause.HoldAsync();
            }

            return batch;
        }
    }

    private sealed class PausingPersonaRepository(IPersonaRepository inner, Interleavings interleavings) : IPersonaRepository
    {
        public void Add(Persona persona) => inner.Add(persona);

        public void Remove(Persona persona) => inner.Remove(persona);

        public async Task<Persona?> FindOwnedAsync(int userId, int personaId, CancellationToken cancellationToken)
        {
            var persona = await inner.FindOwnedAsync(userId, personaId, cancellationToken);
            if (interleavings.AfterPersonaRead is { } pause)
            {
                await pause.HoldAsync();
            }

            return persona;
        }

        public Task<PersonaDto?> FindOwnedDtoAsync(int userId, int personaId, CancellationToken cancellationToken) =>
            inner.FindOwnedDtoAsync(userId, personaId, cancellationToken);

        public Task<bool> SaveIfUnchangedAsync(Persona persona, DateTime expectedUpdatedAt, CancellationToken cancellationToken) =>
            inner.SaveIfUnchangedAsync(persona, expectedUpdatedAt, cancellationToken);

        public Task<bool> ExistsOwnedAsync(int userId, int personaId, CancellationToken cancellationToken) =>
            inner.ExistsOwnedAsync(userId, personaId, cancellationToken);

        public Task<bool> StillExistsAsync(int userId, int personaId, CancellationToken cancellationToken) =>
            inner.StillExistsAsync(userId, personaId, cancellationToken);

        public Task<IReadOnlyList<PersonaDto>> ListOwnedAsync(int userId, CancellationToken cancellationToken) =>
            inner.ListOwnedAsync(userId, cancellationToken);

        // A DELETE reads and marks the persona in one statement: it is held just before that.
        public async Task<bool> StartDeletionAsync(int userId, int personaId, DateTime now, CancellationToken cancellationToken)
        {
            if (interleavings.AfterPersonaRead is { } pause)
            {
                await pause.HoldAsync();
            }

            return await inner.StartDeletionAsync(userId, personaId, now, cancellationToken);
        }

        public Task<Persona?> FindBeingDeletedAsync(int personaId, CancellationToken cancellationToken) =>
            inner.FindBeingDeletedAsync(personaId, cancellationToken);

        public Task<IReadOnlyList<Persona>> ListStalledDeletionsAsync(DateTime startedBefore, int limit, CancellationToken cancellationToken) =>
            inner.ListStalledDeletionsAsync(startedBefore, limit, cancellationToken);
    }

    private sealed class PausingIdempotencyKeyRepository(IUploadIdempotencyKeyRepository inner, Interleavings interleavings)
        : IUploadIdempotencyKeyRepository
    {
        public void Add(UploadIdempotencyKey key) => inner.Add(key);

        public async Task<UploadIdempotencyKey?> FindAsync(int userId, string key, CancellationToken cancellationToken)
        {
            var found = await inner.FindAsync(userId, key, cancellationToken);
            if (interleavings.AfterIdempotencyKeyLookup is { } pause)
            {
                await pause.HoldAsync();
            }

            return found;
        }

        public Task RemoveIfExpiredAsync(int userId, string key, DateTime now, CancellationToken cancellationToken) =>
            inner.RemoveIfExpiredAsync(userId, key, now, cancellationToken);

        public Task<int> RemoveExpiredAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
            inner.RemoveExpiredAsync(now, limit, cancellationToken);
    }
}
