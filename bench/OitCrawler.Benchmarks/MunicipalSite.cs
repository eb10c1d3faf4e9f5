using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OitCrawler.Benchmarks;

/// <summary>One pre-rendered response: the bytes, their gzip twin (HTML only) and the validators.</summary>
internal sealed record Resource(byte[] Body, byte[]? Gzip, string ContentType, string ETag);

/// <summary>
/// A generated Thai municipal (เทศบาล) web site, rendered once into memory so that serving it costs
/// the server little more than a dictionary lookup and a socket write. Deterministic for a seed.
/// <para>
/// Page 0 is the home page, pages 1..S the section index pages, the rest detail pages spread over
/// the sections. Every page links to its six "children" 6i+1..6i+6 (a 6-ary tree, so every page is
/// reachable from the home page within ⌈log6 N⌉ ≈ 5 hops, well inside MaxDepth 10) plus random
/// related pages, next to a 10-item nav menu, a breadcrumb, footer links (external, mailto, tel, a
/// robots-disallowed /admin/ link) and images. Document-heavy sections carry a table whose rows
/// link small PDFs.
/// </para>
/// </summary>
internal sealed class MunicipalSite
{
    private const string SiteName = "เทศบาลตำบลบ้านสวนพัฒนา";
    private const string SiteSuffix = " - เทศบาลตำบลบ้านสวนพัฒนา อำเภอเมือง จังหวัดชลบุรี";
    private const string LastModified = "Tue, 18 Nov 2025 03:00:00 GMT";
    private const int Fanout = 6;

    private static readonly Section[] Sections =
    [
        new("news", "ข่าวประชาสัมพันธ์", Tables: false, Pdfs: false),
        new("activity", "ภาพกิจกรรม", Tables: false, Pdfs: false),
        new("procurement", "ประกาศจัดซื้อจัดจ้าง", Tables: true, Pdfs: true),
        new("ประกาศ", "ประกาศเทศบาล", Tables: false, Pdfs: true), // a raw Thai path segment, as many Thai CMSs write them
        new("plan", "แผนพัฒนาท้องถิ่น", Tables: true, Pdfs: true),
        new("budget", "งบประมาณรายจ่ายประจำปี", Tables: true, Pdfs: true),
        new("personnel", "บุคลากร", Tables: true, Pdfs: false),
        new("service", "บริการประชาชน", Tables: false, Pdfs: false),
        new("oit", "การเปิดเผยข้อมูลสาธารณะ (OIT)", Tables: true, Pdfs: true),
    ];

    private static readonly string[] Words =
    [
        "เทศบาล", "ตำบล", "ประชาชน", "ชุมชน", "โครงการ", "กิจกรรม", "พัฒนา", "ส่งเสริม", "คุณภาพชีวิต", "ผู้สูงอายุ",
        "เด็กและเยาวชน", "สิ่งแวดล้อม", "การจัดเก็บขยะ", "ถนนคอนกรีตเสริมเหล็ก", "ระบบประปา", "ไฟฟ้าสาธารณะ", "งบประมาณ",
        "ประจำปี", "พ.ศ. ๒๕๖๘", "ข้อบัญญัติ", "ประกาศ", "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุข",
        "นายกเทศมนตรี", "สมาชิกสภาเทศบาล", "ประชุม", "ร่วมกับ", "ณ", "ห้องประชุม", "สำนักงาน", "ได้รับ", "เพื่อ", "ให้",
        "อย่างต่อเนื่อง", "ตามแผน", "การป้องกัน", "โรคไข้เลือดออก", "ภัยแล้ง", "อุทกภัย", "การมีส่วนร่วม", "ความโปร่งใส",
        "การจัดซื้อจัดจ้าง", "วิธีเฉพาะเจาะจง", "ประกวดราคาอิเล็กทรอนิกส์", "ผู้ประกอบการ", "ภาษีที่ดินและสิ่งปลูกสร้าง",
        "ใบอนุญาต", "ก่อสร้าง", "ศูนย์พัฒนาเด็กเล็ก", "โรงเรียน", "วัด", "หมู่ที่", "บ้าน", "ซ่อมแซม", "ปรับปรุง", "ดำเนินการ",
        "เรียบร้อยแล้ว", "ขอเชิญ", "ผู้สนใจ", "สามารถ", "ติดต่อ", "สอบถาม", "รายละเอียด", "เพิ่มเติม", "ได้ที่", "ในวันและเวลาราชการ",
        "การประเมิน", "คุณธรรมและความโปร่งใส", "ITA", "แผนปฏิบัติการ", "ป้องกันการทุจริต", "รายงานผล", "การดำเนินงาน",
    ];

    private static readonly string[] Months =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    // OIT items as agencies title them on their ITA hub page (the /oit/ index in a large site).
    private static readonly string[] OitTitles =
    [
        "โครงสร้าง", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "แผนพัฒนาท้องถิ่น", "ข้อมูลการติดต่อ", "กฎหมายที่เกี่ยวข้อง", "ข่าวประชาสัมพันธ์",
        "Q&A", "Social Network", "แผนดำเนินงานและการใช้งบประมาณประจำปี", "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน",
        "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือมาตรฐานการปฏิบัติงาน", "คู่มือหรือมาตรฐานการให้บริการ", "ข้อมูลเชิงสถิติการให้บริการ",
        "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "E-Service", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
        "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", "นโยบายการบริหารทรัพยากรบุคคล",
        "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", "เจตจำนงสุจริตของผู้บริหาร",
        "การมีส่วนร่วมของผู้บริหาร", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี", "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
    ];

    private readonly Dictionary<string, Resource> _resources = new(StringComparer.Ordinal);

    /// <summary>Response bytes sent (status line, headers as named and valued, body), 304s included: what a crawl cost the server.</summary>
    private long _bytesSent;

    /// <summary>Requests answered 304 Not Modified.</summary>
    private long _notModified;

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long NotModified => Interlocked.Read(ref _notModified);

    private MunicipalSite()
    {
    }

    /// <summary>HTML pages served (every one reachable from the home page).</summary>
    public int PageCount { get; private set; }

    /// <summary>Distinct PDFs linked from the pages.</summary>
    public int DocumentCount { get; private set; }

    /// <summary>Total uncompressed HTML bytes.</summary>
    public long HtmlBytes { get; private set; }

    /// <summary>Total gzip HTML bytes (what goes over the wire when the client accepts gzip).</summary>
    public long GzipBytes { get; private set; }

    /// <summary>Total links to other pages of the site, over all pages.</summary>
    public long InternalLinks { get; private set; }

    /// <summary>The HTML pages, by path (for the in-memory profile).</summary>
    public IEnumerable<KeyValuePair<string, Resource>> HtmlPages =>
        _resources.Where(r => r.Value.ContentType.StartsWith("text/html", StringComparison.Ordinal));

    /// <summary>The PDFs, by path (for the in-memory profile).</summary>
    public IEnumerable<KeyValuePair<string, Resource>> Pdfs =>
        _resources.Where(r => r.Value.ContentType == "application/pdf");

    /// <param name="large">Pages of 30–40 KB (as CMS pages weigh: a long menu, a sidebar of services, more text) and an ITA hub
    /// page at /oit/ whose table numbers the OIT items, each row linking a page of the OIT section.</param>
    public static MunicipalSite Generate(int pages, int seed, bool gzip, bool large = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, Sections.Length + 1);
        var site = new MunicipalSite();
        var random = new Random(seed);
        var paths = new string[pages];
        var titles = new string[pages];
        var sectionOf = new int[pages];
        paths[0] = "/";
        titles[0] = "หน้าหลัก";
        for (var i = 1; i < pages; i++)
        {
            var s = i <= Sections.Length ? i - 1 : i % Sections.Length;
            sectionOf[i] = s;
            paths[i] = i <= Sections.Length ? "/" + Sections[s].Slug + "/" : "/" + Sections[s].Slug + "/" + i.ToString(CultureInfo.InvariantCulture);
            titles[i] = i <= Sections.Length ? Sections[s].Name : Headline(random, Sections[s]);
        }

        var documentCount = Math.Max(10, pages / 25);
        var linkedDocuments = new HashSet<int>();
        for (var i = 0; i < pages; i++)
        {
            var html = RenderPage(i, pages, paths, titles, sectionOf, documentCount, linkedDocuments, random, large, out var internalLinks);
            var bytes = Encoding.UTF8.GetBytes(html);
            var compressed = gzip ? Gzip(bytes) : null;
            site._resources[paths[i]] = new Resource(bytes, compressed, "text/html; charset=utf-8", ETag(i, bytes.Length));
            site.HtmlBytes += bytes.Length;
            site.GzipBytes += compressed?.Length ?? bytes.Length;
            site.InternalLinks += internalLinks;
        }

        foreach (var d in linkedDocuments)
        {
            var pdf = Pdf(d, random);
            site._resources[DocumentPath(d)] = new Resource(pdf, null, "application/pdf", ETag(100_000 + d, pdf.Length));
        }

        site._resources["/robots.txt"] = new Resource(
            Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /admin/\nDisallow: /search\n"),
            null,
            "text/plain; charset=utf-8",
            ETag(-1, 0));
        site.PageCount = pages;
        site.DocumentCount = linkedDocuments.Count;
        return site;
    }

    /// <summary>Adds the site as a catch-all middleware in front of the server's 404 handler.</summary>
    public void Map(WebApplication app) => app.Use(next => context => Serve(context) ?? next(context));

    private Task? Serve(HttpContext context)
    {
        if (!_resources.TryGetValue(context.Request.Path.Value ?? "/", out var resource))
        {
            return null;
        }

        var response = context.Response;
        response.ContentType = resource.ContentType;
        response.Headers.ETag = resource.ETag;
        response.Headers.LastModified = LastModified;

        // Conditional GET as nginx answers it: If-None-Match first; If-Modified-Since only without it.
        var request = context.Request.Headers;
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.ToString().Contains(resource.ETag, StringComparison.Ordinal)
            : request.IfModifiedSince.Count > 0 && request.IfModifiedSince.ToString() == LastModified;
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentType = default;
            Interlocked.Increment(ref _notModified);
            Interlocked.Add(ref _bytesSent, HeaderBytes(response));
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        var body = resource.Body;
        if (resource.Gzip is { } gz && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentEncoding = "gzip";
            response.Headers.Vary = "Accept-Encoding";
            body = gz;
        }

        response.ContentLength = body.Length;
        Interlocked.Add(ref _bytesSent, HeaderBytes(response) + body.Length);
        return response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    // "HTTP/1.1 200 OK", each "Name: value", the blank line, and the Date and Server headers Kestrel adds (≈ 60 bytes).
    private static long HeaderBytes(HttpResponse response)
    {
        long bytes = 17 + 2 + 60;
        foreach (var header in response.Headers)
        {
            bytes += header.Key.Length + 2 + Encoding.UTF8.GetByteCount(header.Value.ToString()) + 2;
        }

        return bytes;
    }

    private static string RenderPage(int i, int pages, string[] paths, string[] titles, int[] sectionOf, int documentCount, HashSet<int> linkedDocuments, Random random, bool large, out int internalLinks)
    {
        var targetBytes = large ? random.Next(30 * 1000, 40 * 1000 + 1) : random.Next(8 * 1024, 15 * 1024 + 1);
        var isHome = i == 0;
        var isIndex = i is > 0 && i <= Sections.Length;
        var section = Sections[sectionOf[i]];
        var sb = new StringBuilder(targetBytes);
        internalLinks = 0;

        sb.Append("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(titles[i]).Append(SiteSuffix).Append("</title>\n")
            .Append("<meta name=\"description\" content=\"").Append(SiteName).Append(' ').Append(Sentence(random, 6)).Append("\">\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/css/bootstrap.min.css\">\n<link rel=\"stylesheet\" href=\"/assets/css/site.css?v=20251118\">\n")
            .Append("<style>body{font-family:'Sarabun',sans-serif;font-size:16px}.main-menu a{padding:6px 10px;color:#fff}.table td,.table th{border:1px solid #ccc;padding:4px}</style>\n")
            .Append("<script src=\"/assets/js/jquery-3.7.1.min.js\"></script>\n</head>\n<body>\n");

        // Header with logo and search form (the search path is disallowed by robots.txt).
        sb.Append("<header class=\"site-header\"><div class=\"container\"><a href=\"/\" class=\"logo\"><img src=\"/images/logo.png\" alt=\"ตราสัญลักษณ์")
            .Append(SiteName).Append("\"></a><h1 class=\"site-name\">").Append(SiteName).Append("</h1><p class=\"slogan\">")
            .Append(Sentence(random, 5)).Append("</p>\n<form action=\"/search\" method=\"get\" class=\"search\"><input type=\"text\" name=\"q\" placeholder=\"ค้นหา\"><button type=\"submit\">ค้นหา</button></form></div></header>\n");
        internalLinks++;

        // Main menu: home + every section index.
        sb.Append("<nav class=\"main-menu\"><ul>\n<li><a href=\"/\">หน้าหลัก</a></li>\n");
        foreach (var s in Sections)
        {
            sb.Append("<li><a href=\"/").Append(s.Slug).Append("/\">").Append(s.Name).Append("</a></li>\n");
        }

        sb.Append("</ul></nav>\n");
        internalLinks += 1 + Sections.Length;

        if (!isHome)
        {
            sb.Append("<div class=\"breadcrumb\"><a href=\"/\">หน้าหลัก</a> &raquo; ");
            internalLinks++;
            if (!isIndex)
            {
                sb.Append("<a href=\"/").Append(section.Slug).Append("/\">").Append(section.Name).Append("</a> &raquo; ");
                internalLinks++;
            }

            sb.Append("<span>").Append(titles[i]).Append("</span></div>\n");
        }

        sb.Append("<main class=\"content\"><div class=\"container\">\n<article>\n<h2>").Append(titles[i]).Append("</h2>\n")
            .Append("<p class=\"meta\">วันที่ ").Append(random.Next(1, 29).ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Months[random.Next(Months.Length)]).Append(" 256").Append(random.Next(5, 9).ToString(CultureInfo.InvariantCulture))
            .Append(" โดย งานประชาสัมพันธ์ สำนักปลัด | เข้าชม ").Append(random.Next(10, 5000).ToString(CultureInfo.InvariantCulture)).Append(" ครั้ง</p>\n");

        // Child links (the tree that makes every page reachable), then random related pages,
        // so that the page links to 10-30 other pages of the site in all.
        var children = new List<int>(Fanout);
        for (var c = (Fanout * i) + 1; c <= (Fanout * i) + Fanout && c < pages; c++)
        {
            children.Add(c);
        }

        var contentLinks = Math.Max(children.Count, random.Next(4, 17));
        var links = new List<int>(children);
        while (links.Count < contentLinks)
        {
            links.Add(random.Next(1, pages));
        }

        var footerAndBody = new StringBuilder();
        var oit = Array.FindIndex(Sections, x => x.Slug == "oit");
        if (large && isIndex && sectionOf[i] == oit)
        {
            internalLinks += AppendHub(footerAndBody, i, pages, paths, sectionOf, oit);
        }

        var hasTable = (section.Tables || section.Pdfs) && !isHome && !isIndex && random.Next(3) != 0;
        if (hasTable)
        {
            AppendTable(footerAndBody, i, section, documentCount, linkedDocuments, random);
        }

        footerAndBody.Append("<figure><img src=\"/uploads/images/").Append(i.ToString(CultureInfo.InvariantCulture))
            .Append("-1.jpg\" alt=\"").Append(Sentence(random, 4)).Append("\"></figure>\n</article>\n");

        footerAndBody.Append("<aside class=\"related\"><h3>").Append(isIndex ? "รายการล่าสุด" : "เรื่องที่เกี่ยวข้อง").Append("</h3>\n<ul>\n");
        foreach (var l in links)
        {
            footerAndBody.Append("<li><a href=\"").Append(paths[l]).Append("\">").Append(titles[l]).Append("</a> <span class=\"date\">")
                .Append(random.Next(1, 29).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Months[random.Next(Months.Length)]).Append("</span></li>\n");
        }

        footerAndBody.Append("</ul></aside>\n");
        internalLinks += links.Count;
        if (large)
        {
            // A CMS sidebar: the same services and quick links on every page.
            footerAndBody.Append("<aside class=\"services\"><h3>บริการออนไลน์</h3>\n<ul>\n");
            foreach (var s in Sections)
            {
                footerAndBody.Append("<li class=\"menu-item\"><a class=\"menu-link\" href=\"/").Append(s.Slug).Append("/\"><i class=\"fa fa-angle-right\"></i> ")
                    .Append(s.Name).Append("</a></li>\n");
            }

            footerAndBody.Append("<li><a href=\"https://www.info.go.th/\">ศูนย์ข้อมูลข่าวสารของราชการ</a></li><li><a href=\"https://www.gprocurement.go.th/\">ระบบการจัดซื้อจัดจ้างภาครัฐ</a></li>\n</ul></aside>\n");
            internalLinks += Sections.Length;
        }

        footerAndBody.Append("</div></main>\n<footer class=\"site-footer\"><div class=\"container\">\n<p>").Append(SiteName)
            .Append(" เลขที่ 99 หมู่ที่ 3 ตำบลบ้านสวน อำเภอเมืองชลบุรี จังหวัดชลบุรี 20000</p>\n")
            .Append("<p>โทรศัพท์ <a href=\"tel:038123456\">038-123-456</a> อีเมล <a href=\"mailto:saraban@bansuan.go.th\">saraban@bansuan.go.th</a></p>\n")
            .Append("<ul class=\"links\"><li><a href=\"https://www.facebook.com/bansuanpattana\">Facebook</a></li>")
            .Append("<li><a href=\"https://www.dla.go.th/\">กรมส่งเสริมการปกครองท้องถิ่น</a></li>")
            .Append("<li><a href=\"https://itas.nacc.go.th/\">ITAS สำนักงาน ป.ป.ช.</a></li>")
            .Append("<li><a href=\"/admin/login\">เข้าสู่ระบบเจ้าหน้าที่</a></li></ul>\n")
            .Append("<p class=\"copyright\">สงวนลิขสิทธิ์ พ.ศ. ๒๕๖๘ ").Append(SiteName).Append("</p>\n</div></footer>\n")
            .Append("<script>$(function(){$('.main-menu a').each(function(){if(this.pathname===location.pathname){$(this).addClass('active');}});});</script>\n")
            .Append("</body>\n</html>\n");

        // Body paragraphs until the page reaches its target size.
        var bytes = Encoding.UTF8.GetByteCount(sb.ToString()) + Encoding.UTF8.GetByteCount(footerAndBody.ToString());
        var paragraphs = 0;
        do
        {
            var p = "<p>" + Paragraph(random) + "</p>\n";
            sb.Append(p);
            bytes += Encoding.UTF8.GetByteCount(p);
            if (++paragraphs % 3 == 0 && bytes < targetBytes)
            {
                var h = "<h3>" + Sentence(random, 4) + "</h3>\n";
                sb.Append(h);
                bytes += Encoding.UTF8.GetByteCount(h);
            }
        }
        while (bytes < targetBytes);

        return sb.Append(footerAndBody).ToString();
    }

    // The ITA hub: one row per OIT item, "O<n> <title>", linking a page of the OIT section.
    private static int AppendHub(StringBuilder sb, int page, int pages, string[] paths, int[] sectionOf, int oit)
    {
        sb.Append("<h3>การเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT) ประจำปีงบประมาณ พ.ศ. 2568</h3>\n")
            .Append("<table class=\"table\">\n<thead><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr></thead>\n<tbody>\n");
        var target = page;
        var links = 0;
        for (var n = 0; n < OitTitles.Length; n++)
        {
            do
            {
                target = target + 1 < pages ? target + 1 : 1;
            }
            while (sectionOf[target] != oit || target <= Sections.Length);

            sb.Append("<tr><td>O").Append((n + 1).ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(OitTitles[n])
                .Append("</td><td><a href=\"").Append(paths[target]).Append("\">").Append(OitTitles[n]).Append("</a></td></tr>\n");
            links++;
        }

        sb.Append("</tbody>\n</table>\n");
        return links;
    }

    private static void AppendTable(StringBuilder sb, int page, Section section, int documentCount, HashSet<int> linkedDocuments, Random random)
    {
        sb.Append("<table class=\"table\">\n<caption>").Append(section.Name).Append(" ลำดับที่ ").Append(page.ToString(CultureInfo.InvariantCulture))
            .Append("</caption>\n<thead><tr><th>ลำดับ</th><th>เรื่อง</th><th>วันที่</th><th>")
            .Append(section.Pdfs ? "ดาวน์โหลด" : "หมายเหตุ").Append("</th></tr></thead>\n<tbody>\n");
        var rows = random.Next(3, 9);
        var pdfs = section.Pdfs ? random.Next(1, 4) : 0;
        for (var r = 0; r < rows; r++)
        {
            sb.Append("<tr><td>").Append((r + 1).ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Sentence(random, 5))
                .Append("</td><td>").Append(random.Next(1, 29).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Months[random.Next(Months.Length)])
                .Append(" 2568</td><td>");
            if (r < pdfs)
            {
                var d = random.Next(documentCount);
                linkedDocuments.Add(d);
                sb.Append("<a href=\"").Append(DocumentPath(d)).Append("\">ดาวน์โหลดเอกสาร (PDF)</a>");
            }
            else
            {
                sb.Append('-');
            }

            sb.Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    private static string DocumentPath(int d) =>
        d % 4 == 0
            ? "/uploads/files/ประกาศ-" + d.ToString(CultureInfo.InvariantCulture) + ".pdf"
            : "/uploads/files/2568/doc-" + d.ToString(CultureInfo.InvariantCulture) + ".pdf";

    private static string Headline(Random random, Section section) =>
        section.Name + " " + Sentence(random, random.Next(4, 9)) + " ครั้งที่ " + random.Next(1, 40).ToString(CultureInfo.InvariantCulture) + "/2568";

    private static string Paragraph(Random random)
    {
        var sb = new StringBuilder();
        var sentences = random.Next(3, 7);
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Sentence(random, random.Next(6, 15)));
        }

        return sb.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            sb.Append(Words[random.Next(Words.Length)]);
        }

        return sb.ToString();
    }

    private static string ETag(int id, int length) => "\"" + id.ToString("x", CultureInfo.InvariantCulture) + "-" + length.ToString("x", CultureInfo.InvariantCulture) + "\"";

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Optimal))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Pdf(int d, Random random)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        page.AddText("Ban Suan Pattana Subdistrict Municipality", 14, new PdfPoint(60, y), font);
        page.AddText(string.Create(CultureInfo.InvariantCulture, $"Announcement No. {d}/2568"), 12, new PdfPoint(60, y -= 24), font);
        for (var line = 0; line < random.Next(5, 15); line++)
        {
            page.AddText(
                string.Create(CultureInfo.InvariantCulture, $"Item {line + 1}: procurement of road repair materials, budget {random.Next(10_000, 2_000_000):N0} baht."),
                10,
                new PdfPoint(60, y -= 16),
                font);
        }

        return builder.Build();
    }

    private sealed record Section(string Slug, string Name, bool Tables, bool Pdfs);
}
