using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Tests.Text;

[Trait("speed", "fast")]
public class ShownTextTests
{
    [Theory]
    [InlineData("ประกาศ\u001b[2J สำคัญ", "ประกาศ[2J สำคัญ")]
    [InlineData("\u202Efdp.exe", "fdp.exe")]
    [InlineData("a\u2066b\u2069c\u200Ed\u200Fe\u061Cf\u202Ag", "abcdefg")]
    [InlineData("bell\u0007 del\u007F c1\u009B", "bell del c1")]
    [InlineData("line one\r\nline two\ttab", "line one\r\nline two\ttab")]
    [InlineData("ผลการดำเนินงาน ๒๕๖๘", "ผลการดำเนินงาน ๒๕๖๘")]
    public void Clean_HiddenCharacters_DroppedTheRestKept(string text, string expected) => Assert.Equal(expected, ShownText.Clean(text));

    [Theory]
    [InlineData("https://x.go.th/a%1B%5B2Jb/", "https://x.go.th/a%1B[2Jb/")]
    [InlineData("https://x.go.th/%E2%80%AEfdp.exe", "https://x.go.th/%E2%80%AEfdp.exe")]
    [InlineData("https://x.go.th/a%0Ab", "https://x.go.th/a%0Ab")]
    [InlineData("https://x.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7", "https://x.go.th/ข่าว")]
    public void Display_UrlWithHiddenCharacters_ShownEncodedThaiShownDecoded(string url, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Display(new Uri(url)));

    [Fact]
    public void Encode_BidiOverride_NotEncodedButDropped() =>
        Assert.Equal("fdp.exe", Html.Encode("\u202Efdp.exe"));

    [Fact]
    public void Writer_EscapeSequenceWrittenAnyWay_NeverReachesTheInnerWriter()
    {
        using var inner = new StringWriter();
        var writer = ShownText.Writer(inner);

        writer.Write('\u001b');
        writer.Write("\u001b[31mแดง");
        writer.Write("x\u202Ey".ToCharArray(), 0, 3);
        writer.WriteLine("\u2066จบ");

        Assert.Equal("[31mแดงxyจบ" + Environment.NewLine, inner.ToString());
    }
}
