using System.Text;

namespace OitCrawler.Tests.Support;

/// <summary>Thai text as legacy agency sites serve it: TIS-620 / windows-874 bytes.</summary>
internal static class Thai
{
    static Thai() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Code page 874 (windows-874, the superset of TIS-620).</summary>
    public static Encoding Windows874 => Encoding.GetEncoding(874);

    public static byte[] Tis620(string text) => Windows874.GetBytes(text);
}
