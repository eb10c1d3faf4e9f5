using System.Net;
using System.Net.Sockets;

namespace OitCrawler.Crawling;

/// <summary>
/// Refuses, at connect time, to open a socket to a loopback, private, link-local, multicast or
/// reserved address, unless the request names that host as trusted (the audit's start host).
/// Checking the resolved address at connect time, not the URL text, defeats DNS names that point inside.
/// </summary>
internal static class AddressGuard
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
                198 => b[1] is 18 or 19                  // benchmarking 198.18/15
                    || (b[1] == 51 && b[2] == 100),      // TEST-NET-2
                203 => b[1] == 0 && b[2] == 113,         // TEST-NET-3
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
            if ((b[0] & 0xFE) == 0xFC)
            {
                return true; // fc00::/7
            }

            // IPv4-compatible ::a.b.c.d (::/96, deprecated by RFC 4291): nothing public lives there.
            if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            {
                return true;
            }

            // Documentation 2001:db8::/32.
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)
            {
                return true;
            }

            // Local-use NAT64 64:ff9b:1::/48 (RFC 8215) only reaches a local network.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4] == 0x00 && b[5] == 0x01)
            {
                return true;
            }

            // Addresses that carry an IPv4 address a gateway will connect to: judge that address.
            // NAT64 64:ff9b::/96 (RFC 6052): the IPv4 address is the last four bytes.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            {
                return IsPrivate(new IPAddress(b.AsSpan(12, 4)));
            }

            // 6to4 2002::/16 (RFC 3056): the IPv4 address is bytes 2–5.
            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsPrivate(new IPAddress(b.AsSpan(2, 4)));
            }

            // Teredo 2001:0::/32 (RFC 4380): the client's IPv4 address is the last four bytes, inverted.
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
            {
                return IsPrivate(new IPAddress([(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]]));
            }

            return false;
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
internal sealed class BlockedAddressException : IOException
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
