using OitCrawler.Crawling;
using OitCrawler.Web;

namespace OitCrawler.Tests.Crawling;

[Trait("speed", "fast")]
public sealed class RobotsTxtTests
{
    private const string Token = "OitCrawler";

    [Theory]
    [InlineData("/public/page.html", true)]
    [InlineData("/private/report.html", false)]
    [InlineData("/", true)]
    public void Parse_OurGroupAndStarGroup_OurGroupRulesApply(string path, bool allowed)
    {
        var robots = RobotsTxt.Parse(
            """
            User-agent: *
            Disallow: /

            User-agent: OitCrawler
            Disallow: /private/
            """,
            Token);

        Assert.Equal(allowed, robots.IsAllowed(Url(path)));
    }

    [Fact]
    public void Parse_OnlyStarGroup_StarRulesApply()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /admin\n", Token);

        Assert.False(robots.IsAllowed(Url("/admin/login")));
        Assert.True(robots.IsAllowed(Url("/news")));
    }

    [Fact]
    public void Parse_OnlyAnotherBotsGroup_EverythingAllowed()
    {
        var robots = RobotsTxt.Parse("User-agent: Googlebot\nDisallow: /\n", Token);

        Assert.True(robots.IsAllowed(Url("/anything")));
    }

    [Fact]
    public void Parse_AgentLinesInOneGroupAnyCase_GroupAppliesToUs()
    {
        var robots = RobotsTxt.Parse("User-agent: Googlebot\nuser-agent: oitcrawler\nDisallow: /x/\n\nUser-agent: *\nDisallow: /y/\n", Token);

        Assert.False(robots.IsAllowed(Url("/x/1")));
        Assert.True(robots.IsAllowed(Url("/y/1")));
    }

    [Theory]
    [InlineData("Disallow: /a\nAllow: /a/b", "/a/b/c", true)]
    [InlineData("Disallow: /a\nAllow: /a/b", "/a/c", false)]
    [InlineData("Allow: /a\nDisallow: /a/b", "/a/b/c", false)]
    [InlineData("Allow: /a\nDisallow: /a/b", "/a/c", true)]
    [InlineData("Disallow: /folder/\nAllow: /folder/page.html", "/folder/page.html", true)]
    public void IsAllowed_OverlappingRules_LongestMatchWins(string rules, string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("User-agent: *\n" + rules + "\n", Token);

        Assert.Equal(allowed, robots.IsAllowed(Url(path)));
    }

    [Theory]
    [InlineData("Disallow: /page\nAllow: /page")]
    [InlineData("Allow: /page\nDisallow: /page")]
    [InlineData("Disallow: /*.html\nAllow: /page.*")]
    public void IsAllowed_EqualLengthRules_AllowWins(string rules)
    {
        var robots = RobotsTxt.Parse("User-agent: *\n" + rules + "\n", Token);

        Assert.True(robots.IsAllowed(Url("/page.html")));
    }

    [Theory]
    [InlineData("Disallow: /*.pdf$", "/docs/a.pdf", false)]
    [InlineData("Disallow: /*.pdf$", "/docs/a.pdf?download=1", true)]
    [InlineData("Disallow: /*.pdf$", "/docs/a.pdfx", true)]
    [InlineData("Disallow: /*?sort=", "/list?sort=asc", false)]
    [InlineData("Disallow: /*?sort=", "/list", true)]
    [InlineData("Disallow: /private*/data", "/private-2024/data/x", false)]
    [InlineData("Disallow: /private*/data", "/private-2024/info", true)]
    [InlineData("Disallow: /exact$", "/exact", false)]
    [InlineData("Disallow: /exact$", "/exact/more", true)]
    [InlineData("Disallow: /search", "/search?q=1", false)]
    [InlineData("Disallow: /*?", "/list?page=2", false)]
    [InlineData("Disallow: /*?", "/list", true)]
    [InlineData("Disallow: /index.php?option=com_search", "/index.php?option=com_search&q=x", false)]
    [InlineData("Disallow: /index.php?option=com_search", "/index.php?option=com_content", true)]
    [InlineData("Disallow: /search?q=ข่าว", "/search?q=ข่าว", false)]
    [InlineData("Disallow: /Private", "/private", true)]
    [InlineData("Disallow:", "/anything", true)]
    [InlineData("Disallow: /a*b*c$", "/axbyc", false)]
    [InlineData("Disallow: /a*b*c$", "/axbycd", true)]
    [InlineData("Disallow: /*ab*ab$", "/abab", false)]
    [InlineData("Disallow: /*ab*ab$", "/ab", true)]
    [InlineData("Disallow: /**x**", "/yx", false)]
    [InlineData("Disallow: /*$", "/anything?q=1", false)]
    [InlineData("Disallow: /a$b", "/a$b/c", false)]
    public void IsAllowed_Wildcards_MatchAsRfc9309(string rule, string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("User-agent: *\n" + rule + "\n", Token);

        Assert.Equal(allowed, robots.IsAllowed(Url(path)));
    }

    [Fact]
    public void Parse_CommentsAndCrLf_Ignored()
    {
        var robots = RobotsTxt.Parse("# site rules\r\nUser-agent: * # everyone\r\nDisallow: /tmp/ # scratch\r\n", Token);

        Assert.False(robots.IsAllowed(Url("/tmp/x")));
        Assert.True(robots.IsAllowed(Url("/tmp")));
    }

    [Fact]
    public void Parse_CrawlDelayInOurGroup_OursOverStar()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 10\n\nUser-agent: OitCrawler\nCrawl-delay: 0.5\nDisallow: /x\n", Token);

        Assert.Equal(TimeSpan.FromMilliseconds(500), robots.CrawlDelay);
    }

    [Theory]
    [InlineData("Crawl-delay: 3", 3.0)]
    [InlineData("crawl-delay: 1.5", 1.5)]
    [InlineData("Crawl-delay: soon", null)]
    [InlineData("Crawl-delay: -1", null)]
    public void Parse_CrawlDelay_SecondsOrNull(string line, double? seconds)
    {
        var robots = RobotsTxt.Parse("User-agent: *\n" + line + "\n", Token);

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), robots.CrawlDelay);
    }

    [Fact]
    public void Parse_SitemapLinesAnywhere_AllCollected()
    {
        var robots = RobotsTxt.Parse(
            """
            Sitemap: https://agency.test/sitemap.xml
            User-agent: Googlebot
            Disallow: /
            Sitemap: https://agency.test/news-sitemap.xml

            User-agent: *
            Allow: /
            sitemap: /relative-sitemap.xml
            """,
            Token);

        Assert.Equal(["https://agency.test/sitemap.xml", "https://agency.test/news-sitemap.xml", "/relative-sitemap.xml"], robots.Sitemaps);
    }

    [Theory]
    [InlineData("Disallow: /ข้อมูลลับ")]
    [InlineData("Disallow: /%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%A5%E0%B8%B1%E0%B8%9A")]
    [InlineData("Disallow: /%e0%b8%82%e0%b9%89%e0%b8%ad%e0%b8%a1%e0%b8%b9%e0%b8%a5%e0%b8%a5%e0%b8%b1%e0%b8%9a")]
    public void IsAllowed_ThaiPathRuleAnySpelling_BlocksThaiUrl(string rule)
    {
        var robots = RobotsTxt.Parse("User-agent: *\n" + rule + "\n", Token);

        Assert.False(robots.IsAllowed(Url("/ข้อมูลลับ/รายงาน.pdf")));
        Assert.False(robots.IsAllowed(Url("/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%A5%E0%B8%B1%E0%B8%9A/x")));
        Assert.True(robots.IsAllowed(Url("/ข่าว")));
    }

    [Fact]
    public void IsAllowed_RawThaiRuleLongerInOctets_WinsOverShorterAsciiRule()
    {
        // "/ข่าว*" is 38 octets once percent-encoded, "/*/archive/" is 11: the Thai rule is the more
        // specific one (RFC 9309 §2.2.2 counts octets of the encoded path), even though it has fewer characters.
        var robots = RobotsTxt.Parse("User-agent: *\nAllow: /ข่าว*\nDisallow: /*/archive/\n", Token);

        Assert.True(robots.IsAllowed(Url("/ข่าว/archive/1")));
        Assert.False(robots.IsAllowed(Url("/events/archive/1")));
    }

    [Fact]
    public void IsAllowed_RuleWithManyWildcards_NoRegexTimeoutAndCorrectAnswer()
    {
        // Regex backtracking on "/*a*a*…*b" against a long run of 'a's threw RegexMatchTimeoutException and aborted the crawl.
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n", Token);
        var longRun = "/" + new string('a', 20_000);

        Assert.True(robots.IsAllowed(Url(longRun)));
        Assert.False(robots.IsAllowed(Url(longRun + "b")));
    }

    [Fact]
    public void Parse_TensOfThousandsOfRules_AllKept()
    {
        // The size cap (RobotsTxt.MaxBytes, at fetch) bounds the rules; a count cap used to drop those past 2,000.
        var lines = string.Join('\n', Enumerable.Range(0, 30_000).Select(i => $"Disallow: /p{i}/"));
        var robots = RobotsTxt.Parse("User-agent: *\n" + lines + "\n", Token);

        Assert.False(robots.IsAllowed(Url("/p0/x")));
        Assert.False(robots.IsAllowed(Url("/p29999/x")));
        Assert.True(robots.IsAllowed(Url("/p30000/x")));
    }

    [Fact]
    public void Parse_RuleLongerThanTheCap_Ignored()
    {
        var overlong = "/" + new string('x', RobotsTxt.MaxRuleLength);
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: " + overlong + "\nDisallow: /short\n", Token);

        Assert.True(robots.IsAllowed(Url(overlong)));
        Assert.False(robots.IsAllowed(Url("/short")));
    }

    [Fact]
    public void Parse_EmptyUserAgent_DoesNotMatchUs()
    {
        var robots = RobotsTxt.Parse("User-agent:\nDisallow: /\n", Token);

        Assert.True(robots.IsAllowed(Url("/anything")));
    }

    [Fact]
    public void Parse_EmptyUserAgentAfterStarGroup_ItsRulesDoNotJoinTheStarGroup()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /a\n\nUser-agent:\nDisallow: /b\n", Token);

        Assert.False(robots.IsAllowed(Url("/a")));
        Assert.True(robots.IsAllowed(Url("/b")));
    }

    [Theory]
    [InlineData("Oit")]
    [InlineData("O")]
    [InlineData("OitCrawlerX")]
    [InlineData("Oit Crawler")]
    public void Parse_AgentNotExactlyOurToken_StarGroupApplies(string agent)
    {
        var robots = RobotsTxt.Parse($"User-agent: {agent}\nDisallow: /\n\nUser-agent: *\nDisallow: /star\n", Token);

        Assert.True(robots.IsAllowed(Url("/page")));
        Assert.False(robots.IsAllowed(Url("/star")));
    }

    [Theory]
    [InlineData("OITCRAWLER")]
    [InlineData("oitcrawler")]
    [InlineData("OitCrawler")]
    [InlineData("OitCrawler/1.0")]
    public void Parse_OurTokenAnyCase_OurGroupApplies(string agent)
    {
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: /\n\nUser-agent: {agent}\nDisallow: /ours\n", Token);

        Assert.True(robots.IsAllowed(Url("/page")));
        Assert.False(robots.IsAllowed(Url("/ours")));
    }

    [Fact]
    public void AllowAll_AnyUrl_Allowed() => Assert.True(RobotsTxt.AllowAll.IsAllowed(Url("/x")));

    private static Uri Url(string pathAndQuery) => UrlCanonicalizer.Canonicalize(new Uri("http://agency.test/" + pathAndQuery.TrimStart('/')))!;
}
