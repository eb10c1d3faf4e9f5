using OitCrawler.Crawling;
using OitCrawler.Rules;
using OitCrawler.Text;

namespace OitCrawler.Assessment;

/// <summary>
/// Best-first scoring for the crawler: links that look like ITA/OIT material (ITA, OIT, item codes,
/// การเปิดเผยข้อมูล, item titles and aliases from the rules) are fetched before the rest.
/// </summary>
public sealed class RulesLinkPrioritizer : ILinkPrioritizer
{
    private static readonly string[] HubWords =
    [
        "ita", "oit", "การเปิดเผยข้อมูล", "คุณธรรมและความโปร่งใส", "ประเมินคุณธรรม", "itas", "การป้องกันการทุจริต",
    ];

    private readonly string[] _titles;

    public RulesLinkPrioritizer(RuleSet rules)
    {
        _titles = rules.Items
            .SelectMany(i => i.Aliases.Prepend(i.Title))
            .Select(ThaiText.Compact)
            .Where(t => t.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    public int Score(Uri url, string linkText)
    {
        var text = ThaiText.Compact(linkText + " " + UrlCanonicalizer.Display(url));
        var score = 0;
        if (HubWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
        {
            score += 50;
        }

        if (ItemCodes.Leading(linkText) is not null || ItemCodes.All(linkText).Count > 0)
        {
            score += 30;
        }

        if (_titles.Any(t => text.Contains(t, StringComparison.Ordinal)))
        {
            score += 20;
        }

        return score;
    }
}
