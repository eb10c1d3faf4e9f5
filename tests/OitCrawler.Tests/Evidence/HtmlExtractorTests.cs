using OitCrawler.Evidence;

namespace OitCrawler.Tests.Evidence;

[Trait("speed", "fast")]
public sealed class HtmlExtractorTests
{
    private static readonly Uri PageUrl = new("http://agency.test/ita/index.html");

    [Fact]
    public void Extract_LinksUnderHeadings_SectionIsNearestHeadingAbove()
    {
        var page = Extract(
            """
            <h1>หน่วยงาน</h1>
            <a href="/top">หน้าแรก</a>
            <h2>ข้อมูลพื้นฐาน</h2>
            <p><a href="/o1">โครงสร้าง</a></p>
            <h2>การบริหารงาน</h2>
            <div class="accordion-item">
              <div class="accordion-title">O12 รายงานผลการดำเนินงาน</div>
              <div class="accordion-content"><a href="/o12.pdf">ดาวน์โหลด</a></div>
            </div>
            """);

        Assert.Equal("หน่วยงาน", Link(page, "/top").Section);
        Assert.Equal("ข้อมูลพื้นฐาน", Link(page, "/o1").Section);
        Assert.Equal("O12 รายงานผลการดำเนินงาน", Link(page, "/o12.pdf").Section);
        Assert.Equal(["หน่วยงาน", "ข้อมูลพื้นฐาน", "การบริหารงาน", "O12 รายงานผลการดำเนินงาน"], page.Headings);
    }

    [Fact]
    public void Extract_LinkBeforeAnyHeading_SectionNull()
    {
        var page = Extract("""<a href="/first">แรก</a><h2>หัวข้อ</h2>""");

        Assert.Null(Link(page, "/first").Section);
    }

    [Fact]
    public void Extract_LinkInTableRow_RowIsCellTexts()
    {
        var page = Extract(
            """
            <table>
              <tr><th>ข้อ</th><th>รายการ</th><th>ลิงก์</th></tr>
              <tr><td>O1</td><td>โครงสร้างหน่วยงาน</td><td><a href="/o1.pdf">ดาวน์โหลด</a></td></tr>
            </table>
            """);

        var link = Link(page, "/o1.pdf");
        Assert.Equal("ดาวน์โหลด", link.Text);
        Assert.Equal("O1 | โครงสร้างหน่วยงาน | ดาวน์โหลด", link.Row);
    }

    [Fact]
    public void Extract_LinkInListItem_RowIsItemText()
    {
        var page = Extract("""<ul><li>O2 ข้อมูลผู้บริหาร <a href="/o2">คลิก</a></li></ul>""");

        Assert.Equal("O2 ข้อมูลผู้บริหาร คลิก", Link(page, "/o2").Row);
    }

    [Theory]
    [InlineData("""<div class="tile"><a href="/t"><img src="/o13.png" alt=""></a><div class="caption">ข้อ ๑๓ รายงานผลการจัดซื้อจัดจ้างประจำปี ๒๕๖๗</div></div>""", "ข้อ ๑๓ รายงานผลการจัดซื้อจัดจ้างประจำปี ๒๕๖๗")]
    [InlineData("""<p>แผนดำเนินงาน ประจำปี 2568 <a href="/t">ดาวน์โหลด</a></p>""", "แผนดำเนินงาน ประจำปี 2568 ดาวน์โหลด")]
    [InlineData("""<div class="card"><h4>คู่มือการปฏิบัติงาน</h4><div class="body"><span><a href="/t">อ่านต่อ...</a></span></div></div>""", "คู่มือการปฏิบัติงานอ่านต่อ...")] // block texts join as TextContent does for a list item: matching compacts spaces away
    public void Extract_LinkThatSaysNothing_OutsideARow_IsDescribedByItsBlock(string html, string row)
    {
        var page = Extract(html);

        Assert.Equal(row, Link(page, "/t").Row);
    }

    [Theory]
    [InlineData("""<p>ดูแผนดำเนินงานได้ที่ <a href="/t">แผนดำเนินงาน 2568</a> ของเทศบาล</p>""")] // the link names its target itself
    [InlineData("""<div><a href="/t">ดาวน์โหลด</a> <a href="/a">ก</a> <a href="/b">ข</a> <a href="/c">ค</a> แผนดำเนินงาน</div>""")] // a block of many links describes none
    [InlineData("""<nav><a href="/t">ดาวน์โหลด</a> เมนู</nav>""")] // a menu says nothing of one link
    [InlineData("""<table><tr><td><a href="/t">ดาวน์โหลด</a> <a href="/a">ก</a> <a href="/b">ข</a> <a href="/c">ค</a> แผน</td></tr></table>""")] // one of many links in a row
    [InlineData("""<div class="content"><div><p><a href="/t">อ่านต่อ</a></p></div>ข่าวประชาสัมพันธ์ ปีงบประมาณ 2568 ........................................................................................................................................................................................................................................................................................................................................................................................................................................................</div>""")] // a long block is not the link's own
    public void Extract_LinkOutsideARow_NotDescribedByABlockThatIsNotItsOwn(string html)
    {
        var page = Extract(html);

        Assert.Null(Link(page, "/t").Row);
    }

    [Fact]
    public void Extract_ScriptStyleNoscript_NotInVisibleText()
    {
        var page = Extract(
            """
            <style>.x { color: red }</style>
            <p>ข้อความที่มองเห็น</p>
            <script>var hidden = "สคริปต์";</script>
            <noscript>เปิดจาวาสคริปต์</noscript>
            <template><p>แม่แบบ</p></template>
            """);

        Assert.Contains("ข้อความที่มองเห็น", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("สคริปต์", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("เปิดจาวาสคริปต์", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("แม่แบบ", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>ปีงบประมาณ 256<span>7</span></p>", "ปีงบประมาณ 2567")]
    [InlineData("<p><b>ราย</b>งาน</p>", "รายงาน")]
    [InlineData("<p>แผน <b>ปี</b> 2567</p>", "แผน ปี 2567")]
    [InlineData("<p>ก</p><p>ข</p>", "ก\nข")]
    [InlineData("<div>ก<br>ข</div>", "ก\nข")]
    [InlineData("<p>  มี\u00A0\u00A0ช่อง   ว่าง  </p>", "มี ช่อง ว่าง")]
    [InlineData("<p>ศูนย์\u200Bกว้าง</p>", "ศูนย์กว้าง")]
    public void Extract_InlineAndBlockText_SpacedAsRendered(string html, string expected)
    {
        // A closing block leaves a trailing line break; only the joins inside the text matter here.
        Assert.Equal(expected, Extract(html).Text.TrimEnd('\n'));
    }

    [Fact]
    public void Extract_TextOverCap_Truncated()
    {
        var page = HtmlExtractor.Extract(PageUrl, "<html><body><p>" + new string('ก', 500) + "</p></body></html>", 100);

        Assert.Equal(100, page.Text.Length);
    }

    [Fact]
    public void Extract_Table_CaptionSectionRowsAndLinks()
    {
        var page = Extract(
            """
            <h2>การเปิดเผยข้อมูล</h2>
            <table>
              <caption>ตารางข้อมูล ITA</caption>
              <thead><tr><th>ตัวชี้วัด</th><th>เอกสาร</th></tr></thead>
              <tbody><tr><td>O10</td><td><a href="docs/o10.pdf">แผนดำเนินงาน</a></td></tr></tbody>
            </table>
            """);

        var table = Assert.Single(page.Tables);
        Assert.Equal("ตารางข้อมูล ITA", table.Caption);
        Assert.Equal("การเปิดเผยข้อมูล", table.Section);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["ตัวชี้วัด", "เอกสาร"], table.Rows[0].Cells);
        Assert.Equal(["O10", "แผนดำเนินงาน"], table.Rows[1].Cells);
        var link = Assert.Single(table.Rows[1].Links);
        Assert.Equal(new Uri("http://agency.test/ita/docs/o10.pdf"), link.Url);
    }

    [Fact]
    public void Extract_Form_ActionMethodVisibleFieldsAndTextArea()
    {
        var page = Extract(
            """
            <form action="/complaint/send" method="POST">
              <input type="hidden" name="token" value="x">
              <input type="text" name="name">
              <input type="email" id="email">
              <select name="topic"><option>ทุจริต</option></select>
              <textarea name="detail"></textarea>
            </form>
            <form><input name="q"></form>
            """);

        Assert.Equal(2, page.Forms.Count);
        var complaint = page.Forms[0];
        Assert.Equal("http://agency.test/complaint/send", complaint.Action);
        Assert.Equal("post", complaint.Method);
        Assert.Equal(["name", "email", "topic", "detail"], complaint.Fields);
        Assert.True(complaint.HasTextArea);
        Assert.Null(page.Forms[1].Action);
        Assert.Equal("get", page.Forms[1].Method);
        Assert.False(page.Forms[1].HasTextArea);
    }

    [Fact]
    public void Extract_LinkKinds_AnchorAreaFrameEmbedMetaRefresh()
    {
        var page = HtmlExtractor.Extract(
            PageUrl,
            """
            <html><head><meta http-equiv="refresh" content="5; URL='/refreshed'"></head><body>
            <a href="/anchor">ลิงก์</a>
            <map name="m"><area href="/area" alt="พื้นที่"></map>
            <iframe src="/framed" title="กรอบ"></iframe>
            <embed src="/embedded.pdf">
            </body></html>
            """,
            10_000);

        Assert.Equal(LinkKind.MetaRefresh, Link(page, "/refreshed").Kind);
        Assert.Equal(LinkKind.Anchor, Link(page, "/anchor").Kind);
        Assert.Equal(LinkKind.Area, Link(page, "/area").Kind);
        Assert.Equal("พื้นที่", Link(page, "/area").Text);
        Assert.Equal(LinkKind.Frame, Link(page, "/framed").Kind);
        Assert.Equal("กรอบ", Link(page, "/framed").Text);
        Assert.Equal(LinkKind.Embed, Link(page, "/embedded.pdf").Kind);
    }

    [Fact]
    public void Extract_NonHttpAndFragmentLinks_MailtoKeptWithoutUrlOthersDropped()
    {
        var page = Extract(
            """
            <a href="mailto:saraban@agency.test">อีเมล</a>
            <a href="javascript:void(0)">เมนู</a>
            <a href="#top">ขึ้นบน</a>
            <a href="">ว่าง</a>
            """);

        var mail = Assert.Single(page.Links);
        Assert.Equal("mailto:saraban@agency.test", mail.Href);
        Assert.Null(mail.Url);
    }

    [Fact]
    public void Extract_BaseHref_LinksResolveAgainstBase()
    {
        var page = HtmlExtractor.Extract(
            PageUrl,
            """<html><head><base href="http://agency.test/th/"></head><body><a href="news.html">ข่าว</a></body></html>""",
            10_000);

        Assert.Equal(new Uri("http://agency.test/th/news.html"), Assert.Single(page.Links).Url);
    }

    [Fact]
    public void Extract_ImageOnlyLink_TextFromAlt()
    {
        var page = Extract("""<a href="/ita"><img src="/ita.png" alt="ITA ปี 2567"></a>""");

        Assert.Equal("ITA ปี 2567", Link(page, "/ita").Text);
        var image = Assert.Single(page.Images);
        Assert.Equal("ITA ปี 2567", image.Alt);
    }

    [Fact]
    public void Extract_ButtonOpeningADocumentFromItsClickHandler_IsALinkReadByItsRow()
    {
        var page = Extract(
            """
            <table>
              <tr><td>ข้อ O25</td><td>การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร</td><td><button onclick="openDoc('/doc/ita/analysis.pdf')">เปิดเอกสาร</button></td></tr>
            </table>
            <p><a href="javascript:void(0)" onclick="window.open('/uploads/scan/hr_report_2567.pdf')">รายงานผลการพัฒนาบุคลากร ประจำปี 2567</a></p>
            """);

        Assert.Contains("การนำผลการประเมิน ITA", Link(page, "/doc/ita/analysis.pdf").Row, StringComparison.Ordinal);
        Assert.Equal("รายงานผลการพัฒนาบุคลากร ประจำปี 2567", Link(page, "/uploads/scan/hr_report_2567.pdf").Text);
    }

    [Fact]
    public void Extract_LinkWithARealHref_IgnoresUrlsInItsClickHandler()
    {
        var page = Extract("""<p><a href="/news/12.html" onclick="track('/analytics/hit.pdf')">ข่าว</a></p>""");

        Assert.Single(page.Links);
        Assert.Equal("/news/12.html", page.Links[0].Url?.AbsolutePath);
    }

    [Fact]
    public void Extract_Title_Folded()
    {
        var page = HtmlExtractor.Extract(PageUrl, "<html><head><title>\n  กรม   ตัวอย่าง \n</title></head><body></body></html>", 10_000);

        Assert.Equal("กรม ตัวอย่าง", page.Title);
    }

    private static PageEvidence Extract(string body) =>
        HtmlExtractor.Extract(PageUrl, "<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>", 10_000);

    private static LinkEvidence Link(PageEvidence page, string path) =>
        Assert.Single(page.Links, l => l.Url?.AbsolutePath == path);
}
