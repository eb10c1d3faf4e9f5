using OitCrawler.Crawling.Rendering;
using OitCrawler.Evidence;
using OitCrawler.Web;

namespace OitCrawler.Tests.Crawling.Rendering;

[Trait("speed", "fast")]
public sealed class RenderSignalTests
{
    private static readonly Uri Page = new("https://www.example.go.th/");

    private static string? Reason(string html)
    {
        var page = HtmlExtractor.Extract(Page, html, 20_000);
        return RenderSignal.Reason(html, page, SiteScope.For(Page, []));
    }

    private static string ManyLinks(int n) => string.Concat(Enumerable.Range(0, n).Select(i => $"<a href=\"/p{i}/\">หน้า {i}</a>"));

    [Fact]
    public void Reason_EmptyMenuFilledByInlineScript_Rendered() =>
        Assert.Contains("empty container", Reason($"<ul id=\"mainmenu\"></ul>{ManyLinks(30)}<script>document.getElementById('mainmenu').appendChild(x)</script>"), StringComparison.Ordinal);

    [Fact]
    public void Reason_FewLinksAndSameSiteScript_Rendered() =>
        Assert.Contains("only 2 same-site links", Reason($"{ManyLinks(2)}<script src=\"/js/app.js\"></script>"), StringComparison.Ordinal);

    [Fact]
    public void Reason_NoScriptFallbackWithFetch_Rendered() =>
        Assert.Contains("<noscript>", Reason($"{ManyLinks(30)}<noscript>เปิด JavaScript</noscript><script>fetch('/menu')</script>"), StringComparison.Ordinal);

    [Fact]
    public void Reason_ManyLinksAndScriptThatBuildsNothing_NotRendered() =>
        Assert.Null(Reason($"{ManyLinks(30)}<script>var counter = 1; gtag('config', 'G-1');</script>"));

    [Fact]
    public void Reason_FewLinksButNoScript_NotRendered() =>
        Assert.Null(Reason($"<ul id=\"menu\"></ul>{ManyLinks(1)}"));

    [Fact]
    public void Reason_OnlyOtherSiteScript_NotRendered() =>
        Assert.Null(Reason($"<ul id=\"menu\"></ul>{ManyLinks(1)}<script src=\"https://www.googletagmanager.com/gtag/js\"></script>"));

    [Fact]
    public void Reason_HostileUnclosedScriptsAndAttributes_AnswersQuickly()
    {
        var hostile = string.Concat(Enumerable.Repeat("<script <div id='menu' class='", 50_000));
        Assert.Null(Reason(hostile)); // no DOM call, no same-site src: a plain answer, not a stall
    }
}
