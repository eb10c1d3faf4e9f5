using OitCrawler.Assessment;
using OitCrawler.Crawling;
using OitCrawler.Rules;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Audit;

/// <summary>
/// Best-first scoring for the crawler: links that look like ITA/OIT material (ITA, OIT, item codes,
/// การเปิดเผยข้อมูล, item titles and aliases from the rules) are fetched before the rest.
/// </summary>
internal sealed class RulesLinkPrioritizer : ILinkPrioritizer
{
    // The words that name an ITA hub, and the indicator 10 name that often heads the same menu.
    private static readonly string[] HubWords = [.. SiteView.ItaWords, "การป้องกันการทุจริต"];

    private readonly string[] _titles;

    public RulesLinkPrioritizer(RuleSet rules)
    {
        _titles = rules.Items.SelectMany(SiteView.Names).Distinct(StringComparer.Ordinal).ToArray();
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
