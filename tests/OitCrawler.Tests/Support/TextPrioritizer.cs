using OitCrawler.Crawling;

namespace OitCrawler.Tests.Support;

/// <summary>Scores a link whose text contains <paramref name="word"/>; everything else is neutral.</summary>
internal sealed class TextPrioritizer(string word, int score = 100) : ILinkPrioritizer
{
    public int Score(Uri url, string linkText) =>
        linkText.Contains(word, StringComparison.OrdinalIgnoreCase) ? score : 0;
}
