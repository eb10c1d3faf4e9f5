using OitCrawler.Evidence;
using OitCrawler.Text;

namespace OitCrawler.Tests.Evidence;

/// <summary>Issue 8: what an assessor reads as owning a link (item headings, year headings, tabs) and links only a browser shows.</summary>
[Trait("speed", "fast")]
public class HtmlExtractorOwnershipTests
{
    private static readonly Uri Url = new("http://agency.test/ita/");

    private static PageEvidence Extract(string body) =>
        HtmlExtractor.Extract(Url, $"<html><head><meta charset=utf-8><title>ITA</title></head><body>{body}</body></html>", 100_000);

    [Fact]
    public void CodeParagraph_OwnsTheLinksAfterIt_UntilTheNextCode()
    {
        var page = Extract("""
            <p><strong>O4 ข่าวประชาสัมพันธ์</strong></p>
            <p>– <a href="/news/">ข่าวและกิจกรรม</a></p>
            <p>– <a href="/q1.pdf">ไตรมาสที่ 1</a></p>
            <p><strong>O5 แผนพัฒนาท้องถิ่น</strong></p>
            <p>– <a href="/plan.pdf">แผน 2566-2570</a></p>
            """);

        Assert.Equal(4, ItemCodes.Leading(page.Links.Single(l => l.Text == "ไตรมาสที่ 1").Row));
        Assert.Equal(5, ItemCodes.Leading(page.Links.Single(l => l.Text == "แผน 2566-2570").Row));
    }

    [Fact]
    public void CodeHeading_EndsWithItsContainer()
    {
        var page = Extract("""
            <div><h4>O6 แผนดำเนินงาน</h4><ul><li><a href="/p.pdf">แผน</a></li></ul></div>
            <div><a href="/contact/">ติดต่อเรา</a></div>
            """);

        Assert.Equal(6, ItemCodes.Leading(page.Links.Single(l => l.Text == "แผน").Row));
        Assert.Null(ItemCodes.Leading(page.Links.Single(l => l.Text == "ติดต่อเรา").Row));
    }

    [Fact]
    public void AccordionYearSummary_OwnsTheCodesInside_AndTheNextSummaryTakesOver()
    {
        var page = Extract("""
            <details><summary>การประเมิน ITA ปี 2569</summary><p><strong>O1 โครงสร้าง</strong></p><p><a href="/a.pdf">โครงสร้าง</a></p></details>
            <details><summary>การประเมิน ITA ปี 2568</summary><p><strong>O1 โครงสร้าง</strong></p><p><a href="/b.pdf">โครงสร้าง</a></p></details>
            """);

        Assert.Contains("2569", page.Links.Single(l => l.Href.EndsWith("/a.pdf", StringComparison.Ordinal)).YearHeading, StringComparison.Ordinal);
        Assert.Contains("2568", page.Links.Single(l => l.Href.EndsWith("/b.pdf", StringComparison.Ordinal)).YearHeading, StringComparison.Ordinal);
    }

    [Fact]
    public void TabPanel_IsHeadedByItsTabsLabel_WhereverTheTabStands()
    {
        var page = Extract("""
            <ul><li><a href="#y69" data-toggle="tab">ปี 2569</a></li><li><a href="#y68" data-toggle="tab">ปี 2568</a></li></ul>
            <div id="y69"><p><a href="/a.pdf">แผน</a></p></div>
            <div id="y68"><p><a href="/b.pdf">แผน</a></p></div>
            """);

        Assert.Contains("2569", page.Links.Single(l => l.Href.EndsWith("/a.pdf", StringComparison.Ordinal)).YearHeading, StringComparison.Ordinal);
        Assert.Contains("2568", page.Links.Single(l => l.Href.EndsWith("/b.pdf", StringComparison.Ordinal)).YearHeading, StringComparison.Ordinal);
    }

    [Fact]
    public void MenuInAnInlineJsonArray_IsReadWithItsLabels()
    {
        var page = Extract("""
            <script>var menu = [{"title":"O1 โครงสร้าง","url":"\/ita\/2569\/o1\/"},{"url":"\/ita\/2569\/o2\/","title":"O2 ผู้บริหาร"}];</script>
            <script>document.write('<a href="/ita/2569/o3/">O3 อำนาจหน้าที่</a>');</script>
            <script src="/js/app.js"></script>
            <script>load("/js/menu.js");</script>
            """);

        var scripted = page.Links.Where(l => l.Kind == LinkKind.Script).ToDictionary(l => l.Url!.AbsolutePath, l => l.Text);
        Assert.Equal("O1 โครงสร้าง", scripted["/ita/2569/o1/"]);
        Assert.Equal("O2 ผู้บริหาร", scripted["/ita/2569/o2/"]);
        Assert.Equal("O3 อำนาจหน้าที่", scripted["/ita/2569/o3/"]);
        Assert.DoesNotContain("/js/menu.js", scripted.Keys);
    }

    [Fact]
    public void UrlWrittenAsTextInATableRow_IsALinkWithThatRow()
    {
        var page = Extract("""
            <table><tr><td>O9</td><td>https://www.agency.test/service/guide.html</td><td>คู่มือสำหรับประชาชน</td></tr></table>
            """);

        var link = Assert.Single(page.Links, l => l.Kind == LinkKind.Text);
        Assert.Equal("/service/guide.html", link.Url!.AbsolutePath);
        Assert.Equal(9, ItemCodes.Leading(link.Row));
    }
}
