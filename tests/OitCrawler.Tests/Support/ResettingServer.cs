using System.Net;
using System.Net.Sockets;

namespace OitCrawler.Tests.Support;

/// <summary>
/// A TCP server on 127.0.0.1 that answers each request with the headers and the start of a long body, then resets
/// the connection (RST, linger 0): the client reading the body sees "Unable to read data from the transport
/// connection: Connection reset by peer", what a small agency's overloaded server or firewall does.
/// </summary>
internal sealed class ResettingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResettingServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections { get; private set; }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Connections++;
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            var buffer = new byte[1024];
                            var stream = client.GetStream();
                            _ = await stream.ReadAsync(buffer, _stop.Token); // the request has arrived
                            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 100000\r\n\r\n<html><body>"u8.ToArray(), _stop.Token);
                            await stream.FlushAsync(_stop.Token);
                            await Task.Delay(200, _stop.Token); // let the headers reach the client before the reset discards what is unsent
                        }
                        catch (Exception ex) when (ex is IOException or OperationCanceledException)
                        {
                        }

                        client.LingerState = new LingerOption(true, 0);
                        client.Close(); // linger 0: RST instead of FIN
                    }
                });
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
