using System.Text;
using OitCrawler.Crawling;

namespace OitCrawler.Tests.Crawling;

[Trait("speed", "fast")]
public sealed class SitemapReaderTests
{
    [Fact]
    public void Read_UrlSet_PageLocationsTrimmed()
    {
        var (pages, nested) = Read(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc> https://agency.test/ </loc><lastmod>2024-01-01</lastmod></url>
              <url><loc>https://agency.test/ข่าว/1</loc></url>
            </urlset>
            """);

        Assert.Equal(["https://agency.test/", "https://agency.test/ข่าว/1"], pages);
        Assert.Empty(nested);
    }

    [Fact]
    public void Read_SitemapIndex_NestedSitemaps()
    {
        var (pages, nested) = Read(
            """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://agency.test/sitemap-news.xml</loc></sitemap>
              <sitemap><loc>https://agency.test/sitemap-docs.xml</loc></sitemap>
            </sitemapindex>
            """);

        Assert.Empty(pages);
        Assert.Equal(["https://agency.test/sitemap-news.xml", "https://agency.test/sitemap-docs.xml"], nested);
    }

    [Fact]
    public void Read_BrokenXml_KeepsWhatCameBeforeTheError()
    {
        var (pages, _) = Read("<urlset><url><loc>https://agency.test/a</loc></url><url><loc>https://agency.test/b</lo");

        Assert.Equal(["https://agency.test/a"], pages);
    }

    [Fact]
    public void Read_ExternalEntity_NotResolved()
    {
        var (pages, _) = Read(
            """
            <?xml version="1.0"?>
            <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
            <urlset><url><loc>https://agency.test/ok</loc></url><url><loc>&xxe;</loc></url></urlset>
            """);

        Assert.Equal(["https://agency.test/ok"], pages);
    }

    [Fact]
    public void Read_Empty_Nothing()
    {
        var (pages, nested) = SitemapReader.Read([]);

        Assert.Empty(pages);
        Assert.Empty(nested);
    }

    private static (IReadOnlyList<string> Pages, IReadOnlyList<string> Sitemaps) Read(string xml) => SitemapReader.Read(Encoding.UTF8.GetBytes(xml));
}
