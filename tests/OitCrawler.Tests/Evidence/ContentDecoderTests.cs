using System.Text;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Evidence;

[Trait("speed", "fast")]
public sealed class ContentDecoderTests
{
    private const string ThaiText = "ประกาศกรมตัวอย่าง เรื่อง การเปิดเผยข้อมูลสาธารณะ";

    [Theory]
    [InlineData("windows-874")]
    [InlineData("tis-620")]
    [InlineData("TIS620")]
    [InlineData("iso-8859-11")]
    [InlineData("\"x-cp874\"")]
    public void Decode_ThaiHeaderCharset_Thai(string charset)
    {
        var (text, used) = ContentDecoder.Decode(Thai.Tis620("<p>" + ThaiText + "</p>"), charset);

        Assert.Contains(ThaiText, text, StringComparison.Ordinal);
        Assert.Equal("windows-874", used);
    }

    [Theory]
    [InlineData("""<meta charset="tis-620">""")]
    [InlineData("""<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=TIS-620">""")]
    [InlineData("""<meta http-equiv='content-type' content='text/html;charset=windows-874'>""")]
    public void Decode_MetaCharsetNoHeader_Thai(string meta)
    {
        var body = Thai.Tis620("<html><head>" + meta + "</head><body>" + ThaiText + "</body></html>");

        var (text, used) = ContentDecoder.Decode(body, null);

        Assert.Contains(ThaiText, text, StringComparison.Ordinal);
        Assert.Equal("windows-874", used);
    }

    [Fact]
    public void Decode_NoDeclarationInvalidUtf8_FallsBackToWindows874()
    {
        var (text, used) = ContentDecoder.Decode(Thai.Tis620("<html><body>" + ThaiText + "</body></html>"), null);

        Assert.Contains(ThaiText, text, StringComparison.Ordinal);
        Assert.Equal("windows-874", used);
    }

    [Fact]
    public void Decode_NoDeclarationValidUtf8_Utf8()
    {
        var (text, used) = ContentDecoder.Decode(Encoding.UTF8.GetBytes("<p>" + ThaiText + "</p>"), null);

        Assert.Contains(ThaiText, text, StringComparison.Ordinal);
        Assert.Equal("utf-8", used);
    }

    [Fact]
    public void Decode_HeaderAndMetaDisagree_HeaderWins()
    {
        var body = Encoding.UTF8.GetBytes("""<html><head><meta charset="tis-620"></head><body>""" + ThaiText + "</body></html>");

        var (text, used) = ContentDecoder.Decode(body, "utf-8");

        Assert.Contains(ThaiText, text, StringComparison.Ordinal);
        Assert.Equal("utf-8", used);
    }

    [Fact]
    public void Decode_Utf8BomAndThaiMeta_BomWins()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""<meta charset="tis-620">""" + ThaiText)).ToArray();

        var (text, used) = ContentDecoder.Decode(body, null);

        Assert.EndsWith(ThaiText, text, StringComparison.Ordinal);
        Assert.False(text.StartsWith('\uFEFF'));
        Assert.Equal("utf-8", used);
    }

    [Fact]
    public void Decode_UnknownHeaderCharset_FallsThroughToMeta()
    {
        var body = Thai.Tis620("""<meta charset="tis-620">""" + ThaiText);

        var (text, used) = ContentDecoder.Decode(body, "x-no-such-charset");

        Assert.Contains(ThaiText, text, StringComparison.Ordinal);
        Assert.Equal("windows-874", used);
    }

    [Fact]
    public void Decode_HeaderUtf8WithBom_BomStripped()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ThaiText)).ToArray();

        var (text, _) = ContentDecoder.Decode(body, "utf-8");

        Assert.Equal(ThaiText, text);
    }
}
