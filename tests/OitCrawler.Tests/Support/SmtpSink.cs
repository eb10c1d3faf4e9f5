using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace OitCrawler.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's python3-aiosmtpd (installed by .ci/install-deps) with a
/// tiny handler that writes each message, with its envelope, to a file. Started and stopped by the test.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private const string Script = """
        import json, os, signal, sys, threading, time
        from aiosmtpd.controller import Controller

        outdir, port = sys.argv[1], int(sys.argv[2])

        class Handler:
            count = 0
            async def handle_DATA(self, server, session, envelope):
                Handler.count += 1
                name = os.path.join(outdir, "%d-%d.json" % (time.time_ns(), Handler.count))
                with open(name + ".tmp", "w") as f:
                    json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                               "data": envelope.original_content.decode("latin-1")}, f)
                os.replace(name + ".tmp", name)
                return "250 OK"

        controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        controller.start()
        print("ready", flush=True)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        stop.wait()
        controller.stop()
        """;

    private readonly Process _process;

    private SmtpSink(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>A loopback port nobody listens on (for "SMTP is down"), which a sink can later take.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpSink> StartAsync(string folder, int? port = null)
    {
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "..", $"smtp-sink-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, Script);
        var chosen = port ?? FreePort();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; // Debian's, where apt put aiosmtpd
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(folder);
        info.ArgumentList.Add(chosen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line != "ready")
            {
                throw new InvalidOperationException($"the SMTP sink did not start (is python3-aiosmtpd installed? .ci/install-deps installs it): {await errors}");
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the SMTP sink did not report ready within 10 s");
        }

        return new SmtpSink(process, chosen, folder);
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages() =>
        Directory.GetFiles(Folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(ReceivedMail.Read)
            .ToList();

    /// <summary>Waits (polling, at most <paramref name="limit"/>, 10 s by default) until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || deadline.Elapsed > (limit ?? TimeSpan.FromSeconds(10)))
            {
                return messages;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>A message as the server received it: envelope and parsed MIME.</summary>
internal sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw, MimeMessage Message)
{
    /// <summary>The header block, raw (before any decoding).</summary>
    public string RawHeaders => Raw[..Math.Max(0, Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal))];

    public static ReceivedMail Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var raw = root.GetProperty("data").GetString()!;
        var message = MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(raw)));
        return new ReceivedMail(
            root.GetProperty("from").GetString()!,
            root.GetProperty("to").EnumerateArray().Select(e => e.GetString()!).ToList(),
            raw,
            message);
    }
}
