using OitCrawler.Text;
using System.Text;
using OitCrawler.Evidence;

namespace OitCrawler.Tests.Evidence;

/// <summary>Pages built to exhaust the extractor: each must cost a bounded amount.</summary>
[Trait("speed", "fast")]
public class HtmlExtractorHostileTests
{
    private static readonly Uri Url = new("http://agency.test/");

    [Fact]
    public void Extract_HundredThousandNestedDivs_IsCutAtTheNestingLimit()
    {
        // Regression: AngleSharp's time grows with the square of the depth (100k divs: 20 s, 4 MB: ~20 min).
        var html = "<html><body><p>ก่อนหน้า ข้อมูลพื้นฐาน</p>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "ลึกมาก" + "</body></html>";

        var page = HtmlExtractor.Extract(Url, html, 20_000);

        Assert.Contains("ข้อมูลพื้นฐาน", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ลึกมาก", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div><br><img src=x><input><p>a</p></div>", 3, false)]
    [InlineData("<div><div><div><div>x</div></div></div></div>", 3, true)]
    [InlineData("<div/><div/><div/><div/><div/>", 2, false)]
    [InlineData("a < b and 3<4 <!-- <div> -->", 1, false)]
    public void LimitNesting_CountsOnlyOpenElements(string html, int limit, bool cut) =>
        Assert.Equal(cut, HtmlExtractor.LimitNesting(html, limit).Length < html.Length);

    [Fact]
    public void Fold_ControlAndBidiCharacters_AreDropped()
    {
        // Regression: an ESC from &#27; reached the terminal, and U+202E reversed text in reports.
        Assert.Equal("ประกาศ[31m สำคัญ", ThaiText.Fold("ประกาศ\u001b[31m\u202E สำคัญ\u2066"));
        var page = HtmlExtractor.Extract(Url, "<html><head><title>&#27;[2J&#x202E;ข่าว</title></head><body></body></html>", 1000);
        Assert.Equal("[2Jข่าว", page.Title);
    }

    [Fact]
    public void Extract_NestedTablesOfText_KeepABoundedAmount()
    {
        // Regression: every cell kept its whole text, and nested tables repeated it at each level:
        // a 1 MB page kept 311 MB.
        var cell = new string('ก', 20_000);
        var html = new StringBuilder("<html><body>");
        for (var level = 0; level < 8; level++)
        {
            html.Append("<table><tr><td>").Append(cell);
        }

        for (var level = 0; level < 8; level++)
        {
            html.Append("</td></tr></table>");
        }

        var page = HtmlExtractor.Extract(Url, html.Append("</body></html>").ToString(), 20_000);

        var kept = page.Tables.Sum(t => t.Rows.Sum(r => r.Cells.Sum(c => c.Length)));
        Assert.InRange(kept, 1, 8 * 300);
        Assert.All(page.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => Assert.True(c.Length <= 300));
    }
}
