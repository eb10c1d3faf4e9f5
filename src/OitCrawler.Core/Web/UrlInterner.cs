using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OitCrawler.Web;

/// <summary>
/// One <see cref="Uri"/> instance per canonical URL within one crawl. A site links the same few
/// thousand URLs from every page (menus, breadcrumbs, footers), and each link would otherwise keep
/// its own <see cref="Uri"/> and <see cref="Uri.AbsoluteUri"/> string: ~450 bytes each, 139,000 of
/// them for 5,200 distinct URLs in the benchmark crawl. Owned by the crawl, so it is dropped with it.
/// Thread-safe: the crawl extracts pages in parallel.
/// </summary>
internal sealed class UrlInterner
{
    private readonly ConcurrentDictionary<string, Uri> _urls = new(StringComparer.Ordinal);

    /// <summary>
    /// The instance first interned with <paramref name="url"/>'s spelling, or <paramref name="url"/> itself
    /// when it is the first; null for null. Pass canonical URLs (<see cref="UrlCanonicalizer"/>), so that
    /// one spelling is one resource.
    /// </summary>
    [return: NotNullIfNotNull(nameof(url))]
    public Uri? Intern(Uri? url) => url is null ? null : _urls.GetOrAdd(url.AbsoluteUri, url);

    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<object, object> _values = new();

    // Longer texts are page bodies, not menu labels: they rarely repeat and would only grow the table.
    private const int MaxInternedText = 400;

    /// <summary>
    /// One string per distinct short text (link texts, rows, headings, cells, image names): the menu, breadcrumb and
    /// sidebar repeat them on every page, and each page's parse makes its own copies (half the evidence's strings).
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Text(string? text) => text is null || text.Length > MaxInternedText ? text : _texts.GetOrAdd(text, text);

    /// <summary>One instance per distinct value (a record compared by value: a link's URL, text, kind, section, row): menus repeat on every page.</summary>
    public T Value<T>(T value)
        where T : class => (T)_values.GetOrAdd(value, value);
}
