using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PersonaMedia.WebApi.FunctionalTests.Media;

/// <summary>
/// What only a real socket shows: the in-memory test server takes the whole request body before
/// the app runs, so the refusal of an oversize body before it is read is checked on Kestrel.
/// </summary>
[NonParallelizable]
public class UploadOverSocketTests
{
    private TestApp _app = null!;
    private Uri _baseAddress = null!;
    private UserClient _user = null!;

    [OneTimeSetUp]
    public async Task StartKestrel()
    {
        _app = new TestApp();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        _baseAddress = new Uri(addresses.Addresses.First());
        _user = await _app.CreateUserAsync();
    }

    [OneTimeTearDown]
    public async Task StopKestrel() => await _app.DisposeAsync();

    [Test]
    public async Task Content_length_over_the_limit_is_answered_413_without_sending_any_body()
    {
        var personaId = await _user.CreatePersonaAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_baseAddress.Host, _baseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /upload/persona/{personaId}/video HTTP/1.1\r\n"
            + $"Host: {_baseAddress.Authority}\r\n"
            + $"Authorization: Bearer {_user.Token}\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\n"
            + $"Content-Length: {12 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // Not one byte of the body is sent: an answer can only come from the headers.
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(statusLine, Does.StartWith("HTTP/1.1 413"));
        Assert.That(await _app.Storage.ListKeysAsync(), Is.Empty);
    }
}
