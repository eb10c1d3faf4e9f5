using System.Net;
using OitCrawler.Crawling;

namespace OitCrawler.Tests.Crawling;

[Trait("speed", "fast")]
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("198.18.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("198.51.100.1")]        // TEST-NET-2
    [InlineData("203.0.113.1")]         // TEST-NET-3
    [InlineData("2001:db8::1")]         // documentation
    [InlineData("2001:db8:ffff::1")]
    [InlineData("64:ff9b::127.0.0.1")]  // NAT64 embedding loopback
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]  // NAT64 embedding 169.254.169.254 (metadata)
    [InlineData("64:ff9b::c0a8:101")]   // NAT64 embedding 192.168.1.1
    [InlineData("64:ff9b:1::1")]        // local-use NAT64
    [InlineData("2002:7f00:1::")]       // 6to4 embedding 127.0.0.1
    [InlineData("2002:a00:1::1")]       // 6to4 embedding 10.0.0.1
    [InlineData("2002:c0a8:101::1")]    // 6to4 embedding 192.168.1.1
    [InlineData("2002:a9fe:a9fe::")]    // 6to4 embedding 169.254.169.254
    [InlineData("::127.0.0.1")]         // IPv4-compatible (deprecated)
    [InlineData("::10.0.0.1")]
    [InlineData("::8.8.8.8")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")] // Teredo, client 127.0.0.1
    public void IsPrivate_InternalAddress_True(string address) => Assert.True(AddressGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.150.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("198.51.99.1")]
    [InlineData("203.0.114.1")]
    [InlineData("2001:db9::1")]
    [InlineData("64:ff9b::808:808")]    // NAT64 embedding 8.8.8.8
    [InlineData("2002:808:808::1")]     // 6to4 embedding 8.8.8.8
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")] // Teredo, client 8.8.8.8
    public void IsPrivate_PublicAddress_False(string address) => Assert.False(AddressGuard.IsPrivate(IPAddress.Parse(address)));
}
