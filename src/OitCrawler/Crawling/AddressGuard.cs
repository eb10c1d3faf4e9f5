using System.Net;
using System.Net.Sockets;

namespace OitCrawler.Crawling;

/// <summary>
/// Refuses, at connect time, to open a socket to a loopback, private, link-local, multicast or
/// reserved address, unless the request names that host as trusted (the audit's start host).
/// Checking the resolved address at connect time, not the URL text, defeats DNS names that point inside.
/// </summary>
public static class AddressGuard
{
    /// <summary>The request option naming the one host whose private address is allowed.</summary>
    public static readonly HttpRequestOptionsKey<string> TrustedHost = new("OitCrawler.TrustedHost");

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,          // carrier-grade NAT 100.64/10
                169 => b[1] == 254,                      // link-local
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2), // private, IETF, TEST-NET-1
                198 => b[1] is 18 or 19,                 // benchmarking 198.18/15
                >= 224 => true,                          // multicast, reserved, broadcast
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            {
                return true;
            }

            var b = address.GetAddressBytes();
            return (b[0] & 0xFE) == 0xFC; // fc00::/7
        }

        return true;
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> that enforces the guard.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var trusted = context.InitialRequestMessage.Options.TryGetValue(TrustedHost, out var trustedHost)
            && string.Equals(trustedHost, host, StringComparison.OrdinalIgnoreCase);

        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

        var allowed = trusted ? addresses : addresses.Where(a => !IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException(host, addresses);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A link pointed at an address the crawler must never reach.</summary>
public sealed class BlockedAddressException : IOException
{
    public BlockedAddressException(string host, IReadOnlyCollection<IPAddress> addresses)
        : base($"{host} resolves to a private or loopback address ({string.Join(", ", addresses)}); not fetched")
    {
        Host = host;
    }

    public BlockedAddressException()
    {
        Host = string.Empty;
    }

    public BlockedAddressException(string message)
        : base(message)
    {
        Host = string.Empty;
    }

    public BlockedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = string.Empty;
    }

    public string Host { get; }
}
