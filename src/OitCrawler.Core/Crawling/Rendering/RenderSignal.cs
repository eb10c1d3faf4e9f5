using System.Text.RegularExpressions;
using OitCrawler.Evidence;
using OitCrawler.Web;

namespace OitCrawler.Crawling.Rendering;

/// <summary>
/// Whether a browser would plausibly show many more links than a page's HTML has: the page runs script that can
/// build the DOM (inline code calling DOM or fetch APIs, or a same-site script file, whose code is not read), and
/// the HTML says a part is missing without it: an empty menu or list container (<c>&lt;ul id="mainmenu"&gt;&lt;/ul&gt;</c>),
/// a <c>&lt;noscript&gt;</c> fallback, or fewer than <see cref="FewLinks"/> same-site links, fewer than any hub or
/// menu has. Read from the raw HTML with linear-time patterns, so a hostile page cannot make it slow.
/// </summary>
internal static partial class RenderSignal
{
    /// <summary>Same-site links below which a page with DOM-building script is rendered.</summary>
    public const int FewLinks = 10;

    /// <summary>Why the page should be rendered, or null when its HTML shows all a browser would.</summary>
    public static string? Reason(string html, PageEvidence page, SiteScope scope) => Need(html, page, scope)?.Reason;

    /// <summary>As <see cref="Reason"/>, with the signal's shape (the script and the container, not the link count).</summary>
    public static RenderNeed? Need(string html, PageEvidence page, SiteScope scope)
    {
        try
        {
            return Read(html, page, scope);
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a page built to stall the patterns is read as its HTML says
        }
    }

    private static RenderNeed? Read(string html, PageEvidence page, SiteScope scope)
    {
        var builder = ScriptThatBuilds(html, page.Url, scope);
        if (builder is null)
        {
            return null;
        }

        if (EmptyContainer().Match(html) is { Success: true } empty)
        {
            return new($"{builder} and an empty container {Shorten(empty.Value)}", $"{builder}|{empty.Value}");
        }

        if (NoScript().IsMatch(html))
        {
            return new($"{builder} and a <noscript> fallback", $"{builder}|noscript");
        }

        var links = page.Links.Count(l => l.Kind is LinkKind.Anchor or LinkKind.Area && l.Url is { } u && scope.Contains(u));
        return links < FewLinks ? new($"{builder} and only {links} same-site links", $"{builder}|few") : null;
    }

    private static string? ScriptThatBuilds(string html, Uri pageUrl, SiteScope scope)
    {
        foreach (Match script in Script().Matches(html))
        {
            var attributes = script.Groups["attrs"].Value;
            if (Src().Match(attributes) is { Success: true } src)
            {
                if (UrlCanonicalizer.Resolve(pageUrl, src.Groups["url"].Value) is { } u && scope.Contains(u))
                {
                    return $"same-site script {u.AbsolutePath}";
                }

                continue;
            }

            if (DomCall().Match(script.Groups["code"].Value) is { Success: true } call)
            {
                return $"inline script calling {call.Value.TrimEnd('(', ' ')}";
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex(@"<script\b(?<attrs>[^>]*)>(?<code>[^<]*(?:<(?!/script)[^<]*)*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Script();

    [GeneratedRegex(@"\bsrc\s*=\s*[""']?(?<url>[^""'\s>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Src();

    [GeneratedRegex(@"createElement\s*\(|\.innerHTML\s*[+]?=|insertAdjacentHTML\s*\(|appendChild\s*\(|\.append\s*\(|document\.write(?:ln)?\s*\(|\bfetch\s*\(|XMLHttpRequest|\$\.(?:get|getJSON|ajax)\s*\(|\.load\s*\(", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DomCall();

    [GeneratedRegex(@"<(?:ul|ol|nav|div|section|menu)\b[^>]*\b(?:id|class)\s*=\s*[""']?[^""'>]*(?:menu|nav|list|links|app|root)[^""'>]*[""']?[^>]*>\s*</(?:ul|ol|nav|div|section|menu)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmptyContainer();

    [GeneratedRegex(@"<noscript\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NoScript();
}

/// <summary>Why a page should be rendered, and the signal's shape: pages of one template share it.</summary>
internal sealed record RenderNeed(string Reason, string Signature);
