using OitCrawler.Rules;
using OitCrawler.Text;

namespace OitCrawler.Assessment;

/// <summary>
/// Finds and scores the links and pages that may be an item's evidence: by code (only in the audited
/// year's hub block, and only when the row does not name another item), by title and aliases in the
/// link text, table row, heading above, URL slug, and by page titles.
/// </summary>
internal static class Candidates
{
    public static IReadOnlyList<Candidate> Find(SiteView site, ItemRule rule)
    {
        var number = ItemCodes.Parse(rule.Code);
        var names = SiteView.Names(rule);
        var found = new List<Candidate>();
        var home = site.Index.StartUrl;

        foreach (var occ in site.Links)
        {
            var score = 0;
            var inText = site.LongestName(rule, occ.CompactText);
            var inRow = site.LongestName(rule, occ.CompactRow);
            var inUrl = site.LongestName(rule, occ.CompactUrl);
            var inSection = site.LongestName(rule, occ.CompactSection);

            if (inText > 0)
            {
                // A link text that is the title (give or take years, brackets, "Google Drive") is
                // strong; a long sentence that merely contains it is weaker.
                score += ThaiLetters(occ.CompactText) <= inText * 2 ? 55 : 45;
            }
            else if (inRow > 0)
            {
                score += occ.OnHub || occ.CompactRow.Length <= inRow * 3 ? 45 : 35;
            }
            else if (inSection > 0 && occ.OnHub is false)
            {
                score += 30;
            }

            if (inUrl > 0)
            {
                score += 25;
            }

            // A row naming another item more fully ("report of the anti-corruption plan" contains
            // "anti-corruption plan") is that item's row. Codes are not trusted for this: sites shift them.
            if (site.LongestOtherName(rule, occ.CompactText.Length > 0 && inText > 0 ? occ.CompactText : occ.CompactRow) > Math.Max(inText, inRow))
            {
                continue;
            }

            var codeMatches = occ.Code == number && occ.Block != Block.Other;
            if (codeMatches && inText == 0 && inRow == 0 && NamesOtherItem(occ, rule))
            {
                codeMatches = false; // codes move between years: trust the title over the code
            }

            if (codeMatches)
            {
                score += occ.OnHub ? 50 : 35;
            }

            if (score == 0)
            {
                continue;
            }

            if (inText == 0 && ((occ.Link.Url is { } up && up == occ.Page.FoundOn) || IsBackLink(occ.Link.Text)))
            {
                continue; // a back link ("« กลับหน้ารวม ITA") leads to where the assessor came from, not to evidence
            }

            if (occ.Link.Url is { } url && (url == home || site.IsHub(url)))
            {
                if (inText == 0)
                {
                    continue; // a back link to the hub or home ("« กลับหน้ารวม ITA") under an item heading is not its evidence
                }

                score -= 40;
            }

            found.Add(new Candidate(occ.Link.Url, occ.Link.Href, occ.Link.Text, occ.Link.Row, occ.Page.Url, score, occ.OnHub ? "hub" : "link")
            {
                Conflict = codeMatches ? Conflict(site, rule, occ, inText) : null,
            });
        }

        foreach (var page in site.Index.Pages)
        {
            if (page.Url == home || site.IsHub(page.Url))
            {
                continue;
            }

            var title = ThaiText.Compact(page.Title);
            var heading = page.Headings.Count > 0 ? ThaiText.Compact(page.Headings[0]) : string.Empty;
            var score = Longest(names, title) > 0 ? 50 : Longest(names, heading) > 0 ? 45 : 0;
            if (score > 0 && (ItemCodes.Leading(page.Title) == number || (page.Headings.Count > 0 && ItemCodes.Leading(page.Headings[0]) == number)))
            {
                score += 20;
            }

            if (score > 0)
            {
                found.Add(new Candidate(page.Url, page.Url.AbsoluteUri, page.Title ?? page.Url.AbsoluteUri, null, page.FoundOn, score, "page"));
            }
        }

        return found;

        bool NamesOtherItem(LinkOccurrence occ, ItemRule self) =>
            site.OtherTitles(self).Any(t => occ.CompactRow.Contains(t, StringComparison.Ordinal) || occ.CompactText.Contains(t, StringComparison.Ordinal));
    }

    // The code the agency wrote says this item, but the link's own text names another item's topic, or the file sits in
    // another item's folder (".../O9/manual.pdf" under O8): an assessor asks, so the verdict is review with both shown.
    private static string? Conflict(SiteView site, ItemRule rule, LinkOccurrence occ, int inText)
    {
        var number = ItemCodes.Parse(rule.Code);
        if (inText == 0 && site.OtherItemNamed(rule, occ.CompactText) is { } other)
        {
            return $"code {rule.Code}, link text names {other.Code} ({other.Title})";
        }

        if (occ.Link.Url is { } url && ItemCodes.All(Uri.UnescapeDataString(url.AbsolutePath)).Distinct().ToList() is { Count: > 0 } inPath && !inPath.Contains(number))
        {
            return $"code {rule.Code}, file under O{inPath[^1]}";
        }

        return null;
    }

    private static bool IsBackLink(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith('«') || t.StartsWith('‹') || t.StartsWith("<<", StringComparison.Ordinal) || t.StartsWith("กลับ", StringComparison.Ordinal)
            || t.StartsWith("back", StringComparison.OrdinalIgnoreCase) || t.StartsWith("ย้อนกลับ", StringComparison.Ordinal);
    }

    private static int ThaiLetters(string text) => text.Count(c => c is >= '\u0E01' and <= '\u0E4E');

    private static int Longest(string[] names, string text)
    {
        var best = 0;
        if (text.Length == 0)
        {
            return 0;
        }

        foreach (var n in names)
        {
            if (n.Length > best && text.Contains(n, StringComparison.Ordinal))
            {
                best = n.Length;
            }
        }

        return best;
    }
}
