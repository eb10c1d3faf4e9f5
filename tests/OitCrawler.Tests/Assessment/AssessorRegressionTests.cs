using OitCrawler.Assessment;
using OitCrawler.Crawling;
using OitCrawler.Evidence;
using OitCrawler.Rules;
using OitCrawler.Tests.Support;
using OitCrawler.Web;

namespace OitCrawler.Tests.Assessment;

/// <summary>One test per assessment bug found on the held-out sites, named after what broke; evidence built in memory.</summary>
[Trait("speed", "fast")]
public class AssessorRegressionTests
{
    private static readonly Uri Home = new("http://agency.test/");

    [Fact]
    public void StatedFiscalYear_OutranksAnUploadDateBesideIt()
    {
        // "ปีงบประมาณ 2567" is the report's year; "ม.ค. 2568" is when it was uploaded (FY 2568 by date).
        var doc = new Uri(Home, "/files/uploads/2568/01/hr_report.pdf");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(doc, "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล (ปีงบประมาณ 2567)", row: "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล (ปีงบประมาณ 2567) [PDF อัปโหลด ม.ค. 2568]")]),
            documents: [new DocumentEvidence { Url = doc, MediaType = "application/pdf", Scanned = true }]);

        var result = Judge(index, 2569, "O14"); // 2569 O14: HR report of the previous FY, 2568

        Assert.Equal(ItemStatus.Stale, result.Status);
    }

    [Fact]
    public void UploadFolderInBuddhistEra_DoesNotDateTheDocument()
    {
        var doc = new Uri(Home, "/files/uploads/2568/01/hr_report.pdf");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(doc, "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล")]),
            documents: [new DocumentEvidence { Url = doc, MediaType = "application/pdf", Scanned = true }]);

        var result = Judge(index, 2569, "O14");

        Assert.Equal(ItemStatus.Review, result.Status); // no year anywhere: a person must open the scan
    }

    [Fact]
    public void NoPhotoPlaceholderOnEveryCard_IsNoPhoto()
    {
        var executives = new Uri(Home, "/about/executives/");
        var cards = "นายกองค์การบริหารส่วนตำบล นายสมชาย ใจดี โทร 081-234-5678\nรองนายก นายสมศักดิ์ รักดี โทร 081-234-5679\nปลัด นางสมศรี มีสุข โทร 081-234-5670";
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(executives, "ข้อมูลผู้บริหาร")]),
            Page(executives, "ข้อมูลผู้บริหาร", text: cards, images: [.. Enumerable.Repeat(new ImageEvidence("/img/no-photo.png", "ยังไม่มีรูปภาพ"), 3)]));

        var result = Judge(index, 2568, "O2");

        Assert.Equal(ItemStatus.Incomplete, result.Status);
        Assert.Contains(result.Reasons, r => r.En.Contains("photo", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NewsPageWhoseHeadingIsTrainingOnThePlan_IsNotThePlan()
    {
        var news = new Uri(Home, "/news/detail/1045/");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(news, "อ่านต่อ")]),
            Page(news, "ข่าวประชาสัมพันธ์", headings: ["ส่งบุคลากรเข้ารับการอบรมหลักสูตร การจัดทำแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"], text: "ข่าว"));

        var result = Judge(index, 2569, "O23"); // 2569 O23: anti-corruption plan

        Assert.NotEqual(ItemStatus.Pass, result.Status);
    }

    [Theory]
    [InlineData("แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2567", ItemStatus.Stale)] // the page says 2568, the only plan it holds is 2567
    [InlineData("แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2568", ItemStatus.Pass)]
    public void PageHeadedWithTheYear_HoldingOnlyAnotherYearsDocument_IsDatedByTheDocument(string row, ItemStatus expected)
    {
        // tiles-download O25: an image tile opens "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", whose
        // one download row is the 2567 plan.
        var holder = new Uri(Home, "/ita/o25/");
        var plan = new Uri(Home, "/files/plan.pdf");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(holder, "แผนปฏิบัติการป้องกันการทุจริต")]),
            Page(holder, "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", headings: ["แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"],
                text: "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n" + row + " | ดาวน์โหลด", links: [Link(plan, "ดาวน์โหลด", row: row + " | ดาวน์โหลด")]));

        var result = Judge(index, 2568, "O25"); // 2568 O25: anti-corruption plan of the current FY

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData("แผนปฏิบัติการป้องกันการทุจริต", "/files/plan.pdf", true)] // a document whose year cannot be read may be the current one
    [InlineData("แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2567", "/plan-2567/", false)] // a page of its own, not a held document
    [InlineData("แผนปฏิบัติการป้องกันการทุจริต อัปโหลด 26 ก.ย. 2567", "/files/plan.pdf", true)] // an upload date (FY 2567) is not the plan's period
    [InlineData("แผนปฏิบัติการป้องกันการทุจริต", "/files/plan_57.pdf", true)] // nor is a short year in a file name
    public void PageHeadedWithTheYear_NotOnlyHoldingDatedDocuments_KeepsItsHeadingYear(string row, string target, bool document)
    {
        var holder = new Uri(Home, "/ita/o25/");
        var linked = new Uri(Home, target);
        var pages = new List<PageEvidence>
        {
            Page(Home, "หน้าแรก", links: [Link(holder, "แผนปฏิบัติการป้องกันการทุจริต")]),
            Page(holder, "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568", headings: ["แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568"],
                text: "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568\nกิจกรรม มาตรการ งบประมาณ ผู้รับผิดชอบ", links: [Link(linked, "ดาวน์โหลด", row: row)]),
        };
        if (!document)
        {
            pages.Add(Page(linked, "เอกสารเก่า", text: "ปีงบประมาณ 2567"));
        }

        var result = Judge(Index([.. pages], []), 2568, "O25");

        Assert.NotEqual(ItemStatus.Stale, result.Status);
    }

    [Fact]
    public void HeldDocumentLinkedFromMostPages_StillCountsForTheHolder()
    {
        // The 2568 plan is linked from every page (a banner): it is still one of the documents the O25 page holds.
        var holder = new Uri(Home, "/ita/o25/");
        var current = new Uri(Home, "/files/plan-2568.pdf");
        var old = new Uri(Home, "/files/plan-2567.pdf");
        var banner = Link(current, "ดาวน์โหลด", row: "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2568");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(holder, "แผนปฏิบัติการป้องกันการทุจริต"), banner]),
            Page(new Uri(Home, "/news/"), "ข่าว", links: [banner]),
            Page(new Uri(Home, "/contact/"), "ติดต่อ", links: [banner]),
            Page(holder, "แผนปฏิบัติการป้องกันการทุจริต", headings: ["แผนปฏิบัติการป้องกันการทุจริต"], text: "แผนปฏิบัติการป้องกันการทุจริต",
                links: [banner, Link(old, "ดาวน์โหลด", row: "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2567")]));

        var result = Judge(index, 2568, "O25");

        Assert.NotEqual(ItemStatus.Stale, result.Status);
    }

    [Fact]
    public void ReportAboutAFiscalYear_SignedInTheNext_IsAboutTheStatedYear()
    {
        // Issue 8: the stated period (FY 2566) outranks the signing date (20 Oct 2566 = FY 2567).
        var doc = new Uri(Home, "/files/procurement_report.pdf");
        var text = "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2566\n" + new string('ก', 300) + "\nประกาศ ณ วันที่ 20 ตุลาคม 2566";
        var index = Index(
            [Page(Home, "หน้าแรก", links: [Link(doc, "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี")])],
            [new DocumentEvidence { Url = doc, MediaType = "application/pdf", Text = text }]);

        var result = Judge(index, 2568, "O13"); // 2568 O13: the procurement report of FY 2567

        Assert.Equal(ItemStatus.Stale, result.Status);
    }

    [Fact]
    public void LinkLabelAndDocumentTitle_DisagreeingAtTheSameRank_IsReview()
    {
        var doc = new Uri(Home, "/files/procurement_report.pdf");
        var index = Index(
            [Page(Home, "หน้าแรก", links: [Link(doc, "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี 2567")])],
            [new DocumentEvidence { Url = doc, MediaType = "application/pdf", Text = "Annual Procurement Report 2566\n" + new string('x', 300) }]);

        var result = Judge(index, 2568, "O13");

        Assert.Equal(ItemStatus.Review, result.Status);
        Assert.Contains(result.Reasons, r => r.En.Contains("2566", StringComparison.Ordinal) && r.En.Contains("2567", StringComparison.Ordinal));
    }

    [Fact]
    public void PointerPage_IsJudgedOnThePageItLeadsTo()
    {
        var pointer = new Uri(Home, "/ita/o2/");
        var executives = new Uri(Home, "/about/executives/");
        var cards = "นายกเทศมนตรี นายสมชาย ใจดี โทร 081-234-5678\nรองนายกเทศมนตรี นายสมศักดิ์ รักดี โทร 081-234-5679\nปลัดเทศบาล นางสมศรี มีสุข โทร 081-234-5670\nรองปลัดเทศบาล นายสมหมาย ดีงาม โทร 081-234-5671";
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(pointer, "O2 ข้อมูลผู้บริหาร")]),
            Page(pointer, "O2 ข้อมูลผู้บริหาร", text: "O2 ข้อมูลผู้บริหาร", links: [Link(executives, "ดูรายละเอียด")]),
            Page(executives, "คณะผู้บริหาร", text: cards, images: [new("/img/p1.jpg", "นายสมชาย"), new("/img/p2.jpg", "นายสมศักดิ์"), new("/img/p3.jpg", "นางสมศรี"), new("/img/p4.jpg", "นายสมหมาย")]));

        var result = Judge(index, 2568, "O2");

        Assert.Equal(ItemStatus.Pass, result.Status);
    }

    [Fact]
    public void ElementsBehindAScan_AreNotChecked_NotMissing()
    {
        var holder = new Uri(Home, "/ita/o9/");
        var scan = new Uri(Home, "/files/scan0001.pdf");
        var index = Index(
            [Page(Home, "หน้าแรก", links: [Link(holder, "คู่มือหรือมาตรฐานการให้บริการ")]),
             Page(holder, "คู่มือหรือมาตรฐานการให้บริการ", text: "คู่มือหรือมาตรฐานการให้บริการ", links: [Link(scan, "ดาวน์โหลด")])],
            [new DocumentEvidence { Url = scan, MediaType = "application/pdf", Scanned = true }]);

        var result = Judge(index, 2568, "O9");

        Assert.NotEqual(ItemStatus.Incomplete, result.Status);
        if (result.Status == ItemStatus.Pass)
        {
            Assert.NotEmpty(result.Unchecked);
        }
    }

    [Fact]
    public void CodeWrittenByTheAgency_ButFileInAnotherItemsFolder_IsReview()
    {
        var doc = new Uri(Home, "/ita_68/O9/manual.pdf");
        var index = Index(
            [Page(Home, "หน้าแรก", links: [Link(doc, "เอกสาร", row: "O8 คู่มือการปฏิบัติงาน")])],
            [new DocumentEvidence { Url = doc, MediaType = "application/pdf", Scanned = true }]);

        var result = Judge(index, 2568, "O8");

        Assert.Equal(ItemStatus.Review, result.Status);
    }

    [Fact]
    public void BackLinkToTheHub_UnderAnItemHeading_IsNotEvidence()
    {
        var item = new Uri(Home, "/ita/o10/");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(item, "ITA")]),
            Page(item, "ITA", links: [Link(Home, "« กลับหน้ารวม ITA 2568", row: "O10 E-Service")]));

        var result = Judge(index, 2568, "O10");

        Assert.NotEqual(ItemStatus.Pass, result.Status);
    }

    [Theory]
    [InlineData("คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่\nอยู่ระหว่างดำเนินการ", true)]
    [InlineData("คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่\nคู่มือการปฏิบัติงานด้านการจัดเก็บรายได้ ฉบับปรับปรุง งานที่อยู่ระหว่างดำเนินการให้ติดต่อกองคลัง ขั้นตอนที่ 1 รับแบบ ขั้นตอนที่ 2 ตรวจสอบ ขั้นตอนที่ 3 แจ้งผล", false)]
    public void PageSayingOnlyAStatus_IsAPlaceholder_ButTheStatusInsideContentIsNot(string text, bool placeholder)
    {
        // sao-drive-placeholders O8: a heading and "อยู่ระหว่างดำเนินการ" (in progress) is no manual yet; the same words in a
        // manual's text (or a complaint in progress in a statistics table) describe the content.
        var page = new Uri(Home, "/ita68/o8.html");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(page, "คลิก", row: "O8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่ : คลิก")]),
            Page(page, "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", headings: ["คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่"], text: text));

        var result = Judge(index, 2568, "O8");

        Assert.Equal(placeholder, result.Status == ItemStatus.Missing);
    }

    [Fact]
    public void LinkToAnotherRoundsItaPage_IsStaleForAYearlyItem()
    {
        // sao-drive-placeholders O26: "ดูข้อมูลที่ ITA 2567" in the 2568 hub leads to last round's page, whose report is for FY 2566.
        var previous = new Uri(Home, "/ita67/");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(previous, "ดูข้อมูลที่ ITA 2567", row: "O26 รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต : ดูข้อมูลที่ ITA 2567")]),
            Page(previous, "ITA 2567 (o1 - o33)", headings: ["ITA 2567 (o1 - o33)"], text: "o30 แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2567\no31 รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี 2566"));

        var result = Judge(index, 2568, "O26");

        Assert.Equal(ItemStatus.Stale, result.Status);
        Assert.Contains(result.Reasons, r => r.En.Contains("ITA 2567", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, ItemStatus.Pass)]
    [InlineData(false, ItemStatus.Incomplete)]
    public void OrganisationChartDrawnAsAPicture_ItsElementsAreUnchecked_NotMissing(bool chart, ItemStatus expected)
    {
        // The sides and units are drawn in the chart; the page's text holds only the summary of powers.
        var structure = new Uri(Home, "/structure.html");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(structure, "โครงสร้างและอำนาจหน้าที่")]),
            Page(structure, "โครงสร้างและอำนาจหน้าที่", headings: ["โครงสร้างและอำนาจหน้าที่"],
                text: "อำนาจหน้าที่ (โดยสรุป) ตาม พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 มาตรา 66-68 จัดให้มีและบำรุงรักษาทางน้ำและทางบก",
                images: chart ? [new ImageEvidence("/img/chart.png", "แผนภูมิโครงสร้าง")] : [new ImageEvidence("/img/building.jpg", "อาคารที่ทำการ")]));

        var result = Judge(index, 2568, "O1");

        Assert.Equal(expected, result.Status);
        Assert.Equal(chart, result.Unchecked.Count > 0);
    }

    [Fact]
    public void RowListingTheItemsDocumentsSideBySide_IsReadAsAWhole()
    {
        // dept-subindicator O13 ("หลักเกณฑ์และแผน…"): the criteria and the plan are two documents of one hub row.
        var criteria = new Uri(Home, "/doc/hr/criteria.pdf");
        var plan = new Uri(Home, "/doc/hr/plan-2569.pdf");
        var row = "O13 หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล | หลักเกณฑ์การบริหารทรัพยากรบุคคล | แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569";
        var filler = string.Concat(Enumerable.Repeat(" รายละเอียดตามเอกสารแนบท้ายประกาศนี้", 8));
        var index = Index(
            [Page(Home, "หน้าแรก", links: [Link(criteria, "หลักเกณฑ์การบริหารทรัพยากรบุคคล", row), Link(plan, "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569", row)])],
            [
                new DocumentEvidence { Url = criteria, MediaType = "application/pdf", Text = "ประกาศ หลักเกณฑ์การบริหารทรัพยากรบุคคล ปีงบประมาณ พ.ศ. 2569 การสรรหา การคัดเลือก การบรรจุและแต่งตั้ง" + filler },
                new DocumentEvidence { Url = plan, MediaType = "application/pdf", Text = "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569 แผนพัฒนาบุคลากร" + filler },
            ]);

        var result = Judge(index, 2569, "O13");

        Assert.Equal(ItemStatus.Pass, result.Status);
        Assert.Equal(2, result.Evidence.Count);
    }

    [Fact]
    public void RequestLinkNamingTheServiceBetweenItsWords_IsTheOnlineChannel()
    {
        // "ยื่นคำขอรับการสนับสนุนแหล่งน้ำชุมชนออนไลน์": the service's name stands between "ยื่นคำขอ" and "ออนไลน์".
        var eservice = new Uri(Home, "/eservice/");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(eservice, "E-Service")]),
            Page(eservice, "E-Service ระบบการให้บริการออนไลน์", headings: ["E-Service ระบบการให้บริการออนไลน์"], text: "คู่มือการใช้งานระบบ E-Service",
                links: [Link(new Uri("https://eservice.agency.test/request"), "ยื่นคำขอรับการสนับสนุนแหล่งน้ำชุมชนออนไลน์")]));

        var result = Judge(index, 2569, "O10");

        Assert.DoesNotContain(result.Reasons, r => r.Element?.Id == "online");
    }

    [Fact]
    public void RangeInADocumentsRunningText_NamesAnotherDocument_NotItsPeriod()
    {
        // The minutes of a forum held in FY 2568 review "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)": the range is not the minutes' period.
        var minutes = new Uri(Home, "/files/minutes.pdf");
        var text = "รายงานการประชุมประชาคมท้องถิ่น\nวันที่ 14 กุมภาพันธ์ 2568 ณ ห้องประชุม ผู้เข้าร่วม 85 คน วาระที่ 1 ทบทวนแผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) "
            + "ที่ประชุมเสนอโครงการและมีมติเห็นชอบ ผลการรับฟังความคิดเห็นของประชาชนนำไปปรับปรุงแผน" + string.Concat(Enumerable.Repeat(" รายละเอียดการประชุม", 8));
        var index = Index(
            [Page(Home, "หน้าแรก", links: [Link(minutes, "การมีส่วนร่วมของประชาชน: รายงานการประชุมประชาคมท้องถิ่น")])],
            [new DocumentEvidence { Url = minutes, MediaType = "application/pdf", Text = text }]);

        var result = Judge(index, 2568, "O20");

        Assert.NotEqual(ItemStatus.Stale, result.Status);
        Assert.DoesNotContain(result.Reasons, r => r.En.Contains("2566–2570", StringComparison.Ordinal));
    }

    [Fact]
    public void PointerToAPageTheMenuAlsoLinks_IsFollowed()
    {
        // pointer-pages O3: the item page's "ดูรายละเอียด" leads to /contact/, which the menu on every page links as "ติดต่อเรา".
        var contact = new Uri(Home, "/contact/");
        var pointer = new Uri(Home, "/ita/2569/o3/");
        var news = new Uri(Home, "/news/");
        LinkEvidence Menu() => Link(contact, "ติดต่อเรา");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Menu(), Link(pointer, "O3 ข้อมูลการติดต่อ")]),
            Page(news, "ข่าว", links: [Menu()]),
            Page(contact, "ติดต่อเรา", text: "ที่อยู่ 88 หมู่ 1 โทรศัพท์ 0-4433-9100", links: [Menu()]),
            Page(pointer, "O3 ข้อมูลการติดต่อ", text: "O3 ข้อมูลการติดต่อ", links: [Menu(), Link(contact, "ดูรายละเอียด")]));
        var rules = Results.Rules(2569);
        var site = SiteView.Build(index, rules, 2569);

        var target = site.Resolve(pointer, rules.Items.Single(i => i.Code == "O3"));

        Assert.Contains(target.Bundle, p => p.Url == contact);
        Assert.False(site.IsChromeLink(Link(contact, "ดูรายละเอียด")));
        Assert.True(site.IsChromeLink(Menu()));
    }

    [Fact]
    public void ItemPageWhoseEveryDocumentIsDead_IsBroken_WhateverYearItsAddressSays()
    {
        // pointer-pages O26: /ita/2569/o26/ holds one "ดูรายละเอียด" to a report that answers 404.
        var pointer = new Uri(Home, "/ita/2569/o26/");
        var report = new Uri(Home, "/files/O26_report_2568.pdf");
        var index = new EvidenceIndex(
            Home,
            [
                Page(Home, "หน้าแรก", links: [Link(pointer, "O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")]),
                Page(pointer, "O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", text: "O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", links: [Link(report, "ดูรายละเอียด")]),
            ],
            [],
            [new FetchRecord(report, 404, null, null)],
            [],
            CrawlOutcome.Completed,
            null);

        var result = Judge(index, 2569, "O26");

        Assert.Equal(ItemStatus.Broken, result.Status);
    }

    [Theory]
    [InlineData("/img/org_political.png", "แผนผังโครงสร้าง", ItemStatus.Incomplete)] // a chart of the political side draws no units
    [InlineData("/img/org_chart.png", "แผนผังโครงสร้าง", ItemStatus.Pass)]
    public void PictureNamingOneSide_DoesNotStandForTheOtherElements(string src, string alt, ItemStatus expected)
    {
        var structure = new Uri(Home, "/structure.html");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(structure, "โครงสร้างและอำนาจหน้าที่")]),
            Page(structure, "โครงสร้างและอำนาจหน้าที่", text: "นายกเทศมนตรี รองนายกเทศมนตรี สภาเทศบาล อำนาจหน้าที่ (โดยสรุป) จัดให้มีและบำรุงรักษาทางบกและทางน้ำ", images: [new ImageEvidence(src, alt)]));

        var result = Judge(index, 2568, "O1");

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData("หมายเหตุ: การชำระค่าธรรมเนียมและค่าบริการอื่น ๆ ติดต่อสอบถามได้ที่กองคลัง", false)] // named, never stated
    [InlineData("ค่าธรรมเนียม: ไม่มีค่าธรรมเนียม", true)]
    [InlineData("ค่าธรรมเนียม ฉบับละ ๑๐๐ บาท", true)]
    public void ServiceGuide_StatesTheFee_OnlyWithAnAmountOrNone(string fee, bool stated)
    {
        var guide = new Uri(Home, "/pages/service-guide/");
        var index = Index(
            Page(Home, "หน้าแรก", links: [Link(guide, "คู่มือสำหรับประชาชน")]),
            Page(guide, "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการ", text: $"งานทะเบียนราษฎร ขั้นตอน 1) ยื่นคำร้อง 2) ตรวจสอบ ระยะเวลา 15 นาที\n{fee}"));

        var result = Judge(index, 2568, "O9");

        Assert.Equal(stated, !result.Reasons.Any(r => r.Element?.Id == "fee"));
    }

    [Theory]
    [InlineData("Corruption risk assessment, fiscal year 2568", ItemStatus.Review)] // the link says 2569, the report's title 2568
    [InlineData("Corruption risk assessment, fiscal year 2569", ItemStatus.Pass)]
    public void PointerLinkAndItsDocumentsTitle_StatingDifferentYears_IsReview(string title, ItemStatus expected)
    {
        // pointer-pages O21: "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2569" leads to a PDF titled "fiscal year 2568".
        var pointer = new Uri(Home, "/ita/2569/o21/");
        var report = new Uri(Home, "/files/ITA_69_O21_risk.pdf");
        var index = Index(
            [
                Page(Home, "หน้าแรก", links: [Link(pointer, "O21 การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ")]),
                Page(pointer, "O21 การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ", text: "O21 การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ\nการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2569",
                    links: [Link(report, "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2569")]),
            ],
            [new DocumentEvidence { Url = report, MediaType = "application/pdf", Text = $"{title}\nRisk events: 4; risk level matrix; control measures" }]);

        var result = Judge(index, 2569, "O21");

        Assert.Equal(expected, result.Status);
    }

    private static ItemResult Judge(EvidenceIndex index, int year, string code)
    {
        var kinds = RuleLoader.LoadKinds(Repo.Path("rules", AgencyKindsFile.FileName));
        var rules = KindElements.For(Results.Rules(year), kinds.Find("municipality")!);
        return Assessor.Assess(index, rules with { Items = [rules.Items.Single(i => i.Code == code)] }, year)[0];
    }

    private static EvidenceIndex Index(params PageEvidence[] pages) => Index(pages, []);

    private static EvidenceIndex Index(PageEvidence home, IReadOnlyList<DocumentEvidence> documents) => Index([home], documents);

    private static EvidenceIndex Index(PageEvidence[] pages, IReadOnlyList<DocumentEvidence> documents) =>
        new(Home, pages, documents, [], [], CrawlOutcome.Completed, null);

    private static PageEvidence Page(Uri url, string title, IReadOnlyList<LinkEvidence>? links = null, string text = "", IReadOnlyList<string>? headings = null, IReadOnlyList<ImageEvidence>? images = null) =>
        new() { Url = url, Title = title, Text = text, Links = links ?? [], Headings = headings ?? [], Images = images ?? [] };

    private static LinkEvidence Link(Uri url, string text, string? row = null) =>
        new(url.AbsoluteUri, UrlCanonicalizer.Canonicalize(url), text, LinkKind.Anchor, null, row);
}
