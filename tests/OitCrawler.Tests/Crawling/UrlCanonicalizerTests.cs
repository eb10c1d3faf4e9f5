using OitCrawler.Crawling;
using OitCrawler.Web;

namespace OitCrawler.Tests.Crawling;

[Trait("speed", "fast")]
public sealed class UrlCanonicalizerTests
{
    private const string ThaiPathEncoded = "/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8";

    public static TheoryData<string, string> CanonicalForms => new()
    {
        // Fragment, default port, case of scheme and host.
        { "http://example.com/a#section-2", "http://example.com/a" },
        { "http://example.com:80/a", "http://example.com/a" },
        { "https://example.com:443/a", "https://example.com/a" },
        { "http://example.com:8080/a", "http://example.com:8080/a" },
        { "HTTP://WWW.Example.COM/Path/Page.HTML", "http://www.example.com/Path/Page.HTML" },

        // IDN host to punycode.
        { "http://ตัวอย่าง.ไทย/", "http://xn--72c1a1bt4awk9o.xn--o3cw4h/" },
        { "http://ตัวอย่าง.ไทย/ข่าว", "http://xn--72c1a1bt4awk9o.xn--o3cw4h/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7" },

        // One Thai path, three spellings.
        { "http://example.com/ข่าว/ประกาศ", "http://example.com" + ThaiPathEncoded },
        { "http://example.com" + ThaiPathEncoded, "http://example.com" + ThaiPathEncoded },
        { "http://example.com" + ThaiPathEncoded.ToLowerInvariant(), "http://example.com" + ThaiPathEncoded },

        // Unreserved characters decoded; encoded delimiters kept.
        { "http://example.com/%41bc", "http://example.com/Abc" },
        { "http://example.com/%7Euser/%2d", "http://example.com/~user/-" },
        { "http://example.com/a%2Fb", "http://example.com/a%2Fb" },

        // Session ids and trackers dropped, other parameters kept in order.
        { "http://example.com/a;jsessionid=0123ABCDEF?x=1", "http://example.com/a?x=1" },
        { "http://example.com/a;JSESSIONID=0123ABCDEF", "http://example.com/a" },
        { "http://example.com/p?PHPSESSID=abc123&id=5", "http://example.com/p?id=5" },
        { "http://example.com/p?id=5&sid=xyz", "http://example.com/p?id=5" },
        { "http://example.com/p?%73id=xyz&id=5", "http://example.com/p?id=5" },
        { "http://example.com/p?utm_source=fb&id=5&utm_medium=social&utm_campaign=x", "http://example.com/p?id=5" },
        { "http://example.com/p?utm_source=fb", "http://example.com/p" },
        { "http://example.com/p?b=2&a=1", "http://example.com/p?b=2&a=1" },

        // Thai query values: raw and lower-case hex meet upper-case hex.
        { "http://example.com/search?q=ข่าว", "http://example.com/search?q=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7" },
        { "http://example.com/search?q=%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7", "http://example.com/search?q=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7" },

        // Empty path.
        { "http://example.com", "http://example.com/" },
        { "http://example.com?x=1", "http://example.com/?x=1" },
    };

    public static TheoryData<string, string, string?> Resolutions => new()
    {
        { "http://example.com/a/b/c.html", "../d.html", "http://example.com/a/d.html" },
        { "http://example.com/a/b/c.html", "../../../../x", "http://example.com/x" },
        { "http://example.com/a/b/c.html", "./e.html", "http://example.com/a/b/e.html" },
        { "http://example.com/a/b/c.html", "/root", "http://example.com/root" },
        { "http://example.com/a/b/c.html", "?page=2", "http://example.com/a/b/c.html?page=2" },
        { "http://example.com/a/b/c.html", "#top", "http://example.com/a/b/c.html" },
        { "http://example.com/a/b/c.html", "//other.example.com/x#y", "http://other.example.com/x" },
        { "https://example.com/a/", "http://EXAMPLE.com:80/z", "http://example.com/z" },
        { "http://example.com/a/b/c.html", "  /spaced.html  ", "http://example.com/spaced.html" },
        { "http://example.com/a/b/c.html", "\\docs\\file.pdf", "http://example.com/docs/file.pdf" },
        { "http://example.com/a/b/c.html", "sub\\page.html", "http://example.com/a/b/sub/page.html" },
        { "http://example.com/a/", "ข่าว/ประกาศ", "http://example.com/a" + ThaiPathEncoded },
        { "http://example.com/a/b/c.html", "mailto:saraban@agency.test", null },
        { "http://example.com/a/b/c.html", "javascript:void(0)", null },
        { "http://example.com/a/b/c.html", "JavaScript:openWindow('x')", null },
        { "http://example.com/a/b/c.html", "tel:021234567", null },
        { "http://example.com/a/b/c.html", "ftp://example.com/file.pdf", null },
        { "http://example.com/a/b/c.html", "", null },
        { "http://example.com/a/b/c.html", "   ", null },
        { "http://example.com/a/b/c.html", "http://[not-a-host/", null },
    };

    [Theory]
    [MemberData(nameof(CanonicalForms))]
    public void Canonicalize_Spelling_CanonicalForm(string input, string expected)
    {
        var canonical = UrlCanonicalizer.Canonicalize(new Uri(input));

        Assert.Equal(expected, canonical?.AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(CanonicalForms))]
    public void Canonicalize_CanonicalForm_IsUnchanged(string input, string expected)
    {
        _ = input;
        var again = UrlCanonicalizer.Canonicalize(new Uri(expected));

        Assert.Equal(expected, again?.AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(Resolutions))]
    public void Resolve_Href_CanonicalAbsoluteOrNull(string baseUrl, string href, string? expected)
    {
        var resolved = UrlCanonicalizer.Resolve(new Uri(baseUrl), href);

        Assert.Equal(expected, resolved?.AbsoluteUri);
    }

    [Fact]
    public void Resolve_NullHref_Null() => Assert.Null(UrlCanonicalizer.Resolve(new Uri("http://example.com/"), null));

    [Fact]
    public void Canonicalize_NonHttpScheme_Null() => Assert.Null(UrlCanonicalizer.Canonicalize(new Uri("file:///etc/passwd")));

    [Fact]
    public void Canonicalize_ThreeThaiSpellings_CompareEqual()
    {
        var raw = UrlCanonicalizer.Canonicalize(new Uri("http://example.com/ข่าว/ประกาศ"));
        var upper = UrlCanonicalizer.Canonicalize(new Uri("http://example.com" + ThaiPathEncoded));
        var lower = UrlCanonicalizer.Canonicalize(new Uri("http://example.com" + ThaiPathEncoded.ToLowerInvariant()));

        Assert.Equal(raw, upper);
        Assert.Equal(raw, lower);
    }

    [Fact]
    public void Display_EncodedThaiPath_ReadsAsThai()
    {
        var url = UrlCanonicalizer.Canonicalize(new Uri("http://example.com" + ThaiPathEncoded))!;

        Assert.Equal("http://example.com/ข่าว/ประกาศ", UrlCanonicalizer.Display(url));
    }
}
