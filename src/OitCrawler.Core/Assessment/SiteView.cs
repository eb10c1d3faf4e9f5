using OitCrawler.Evidence;
using OitCrawler.Rules;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Assessment;

/// <summary>Where a link leads, as far as the crawl knows.</summary>
internal enum TargetKind
{
    Page,
    Document,
    OpaqueDocument,
    External,
    Broken,
    Unreachable,
    NotFetched,
}

/// <summary>The content behind a candidate link: its heading (title and headings) and text, or why there is none.</summary>
internal sealed record Target(TargetKind Kind, string Heading, string Text, int Status, string? Detail)
{
    public PageEvidence? Page { get; init; }

    /// <summary>The pages an assessor reads for this target: the page itself and, for a pointer page, the pages it leads to.</summary>
    public IReadOnlyList<PageEvidence> Bundle { get; init; } = [];

    /// <summary>What the evidence leads to that could not be read (an external system, a scan, a document of a few lines): its elements are not visible.</summary>
    public IReadOnlyList<Uri> Unread { get; init; } = [];

    /// <summary>The click path beyond the target, for a pointer page: the link texts followed.</summary>
    public IReadOnlyList<string> Walk { get; init; } = [];

    /// <summary>
    /// For a pointer page that holds one document (an item page and its report): where that document's text begins in <see cref="Text"/>,
    /// after the pages' own text; -1 otherwise (a listing's documents are read as the page's text).
    /// </summary>
    public int HeldFrom { get; init; } = -1;

    /// <summary>The label of the link to that one document (its text, or its row when the text says nothing).</summary>
    public string HeldLabel { get; init; } = string.Empty;

    public DocumentEvidence? Document { get; init; }
}

/// <summary>Whether a link sits in the audited year's block of a hub page, another year's block, or neither.</summary>
internal enum Block
{
    Unknown,
    Current,
    Other,
}

/// <summary>One distinct link on the site, with the text forms matching needs computed once.</summary>
internal sealed record LinkOccurrence(LinkEvidence Link, PageEvidence Page, bool OnHub, Block Block, int? Code, string CompactText, string CompactRow, string CompactUrl, string CompactSection);

/// <summary>A possible piece of evidence for an item, scored by how well it names the item.</summary>
internal sealed record Candidate(Uri? Url, string Href, string Text, string? Row, Uri? FoundOn, int Score, string Via)
{
    /// <summary>Why the code, the link's text and the file's folder point to different items, when they do.</summary>
    public string? Conflict { get; init; }
}

/// <summary>The evidence index prepared once for matching every item: distinct links, hub pages and their year blocks.</summary>
internal sealed class SiteView
{
    /// <summary>Words (compact, lower-case) that name the ITA: a page headed by one of them may be a hub.</summary>
    internal static readonly string[] ItaWords = ["ita", "oit", "การเปิดเผยข้อมูล", "คุณธรรมและความโปร่งใส", "ประเมินคุณธรรม"];

    private readonly Dictionary<string, SkipRecord> _skips;
    private readonly HashSet<string> _hubPages;

    private const int MaxTargetText = 200_000;
    private readonly RuleSet _rules;

    private readonly HashSet<string> _chrome;

    private readonly HashSet<string> _chromeLinks;

    private readonly Dictionary<string, string[]> _names;

    // Computed once: matching asks for them for every link of every item.
    private readonly (ItemRule Item, string Compact)[] _titles;

    private SiteView(EvidenceIndex index, RuleSet rules, IReadOnlyList<LinkOccurrence> links, HashSet<string> hubPages, HashSet<string> chrome, HashSet<string> chromeLinks)
    {
        _chromeLinks = chromeLinks;
        _rules = rules;
        _names = rules.Items.ToDictionary(i => i.Code, Names, StringComparer.OrdinalIgnoreCase);
        _titles = rules.Items.Select(i => (i, ThaiText.Compact(i.Title))).Where(t => t.Item2.Length >= 6).ToArray();
        _itemIndex = new Dictionary<ItemRule, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rules.Items.Count; i++)
        {
            _itemIndex.TryAdd(rules.Items[i], i);
        }

        _chrome = chrome;
        Index = index;
        Links = links;
        _hubPages = hubPages;
        _skips = index.Skipped.GroupBy(s => s.Url.AbsoluteUri).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public EvidenceIndex Index { get; }

    public RuleSet Rules => _rules;

    /// <summary>An item's title and aliases, compacted, at least four characters long.</summary>
    public static string[] Names(ItemRule item) =>
        item.Aliases.Prepend(item.Title).Select(ThaiText.Compact).Where(t => t.Length >= 4).Distinct(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<LinkOccurrence> Links { get; }

    public bool IsHub(Uri url) => _hubPages.Contains(url.AbsoluteUri);

    /// <summary>The length of the longest name (title or alias) of another item found in <paramref name="compactText"/>.</summary>
    public int LongestOtherName(ItemRule self, string compactText)
    {
        var found = NamesIn(compactText);
        if (found is null)
        {
            return 0;
        }

        var best = 0;
        for (var i = 0; i < found.Length; i++)
        {
            if (!ReferenceEquals(_rules.Items[i], self))
            {
                best = Math.Max(best, found[i]);
            }
        }

        return best;
    }

    /// <summary>The length of the longest name (title or alias) of <paramref name="item"/> found in <paramref name="compactText"/>; 0 when none.</summary>
    public int LongestName(ItemRule item, string compactText)
    {
        if (!_itemIndex.TryGetValue(item, out var index))
        {
            // Not one of this site view's rules: match it directly.
            return Names(item).Where(n => compactText.Length > 0 && compactText.Contains(n, StringComparison.Ordinal)).Select(n => n.Length).DefaultIfEmpty(0).Max();
        }

        return NamesIn(compactText) is { } found ? found[index] : 0;
    }

    // For each item (in rule order), the length of its longest name in the text; null when it names none.
    // Matching asks this of every link text, row, URL and section for every item, and again for every other
    // item: computed once per distinct text (menus and rows repeat), it costs items × names per text instead
    // of items² × names per link.
    private int[]? NamesIn(string compactText)
    {
        if (compactText.Length == 0)
        {
            return null;
        }

        if (_namesIn.TryGetValue(compactText, out var cached))
        {
            return cached;
        }

        int[]? found = null;
        var items = _rules.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var best = 0;
            foreach (var name in _names[items[i].Code])
            {
                if (name.Length > best && compactText.Contains(name, StringComparison.Ordinal))
                {
                    best = name.Length;
                }
            }

            if (best > 0)
            {
                found ??= new int[items.Count];
                found[i] = best;
            }
        }

        _namesIn[compactText] = found;
        return found;
    }

    private readonly Dictionary<string, int[]?> _namesIn = new(StringComparer.Ordinal);

    private readonly Dictionary<ItemRule, int> _itemIndex;

    /// <summary>Another item whose name (title or alias, at least eight characters) <paramref name="compactText"/> contains, the longest first; null if none.</summary>
    public ItemRule? OtherItemNamed(ItemRule self, string compactText)
    {
        var found = NamesIn(compactText);
        ItemRule? best = null;
        var length = 7;
        for (var i = 0; found is not null && i < found.Length; i++)
        {
            if (found[i] > length && !ReferenceEquals(_rules.Items[i], self))
            {
                best = _rules.Items[i];
                length = found[i];
            }
        }

        return best;
    }

    /// <summary>Compact titles of every item but <paramref name="self"/>, for telling a row that names another item.</summary>
    public IEnumerable<string> OtherTitles(ItemRule self) =>
        _titles.Where(t => !ReferenceEquals(t.Item, self)).Select(t => t.Compact);

    public static SiteView Build(EvidenceIndex index, RuleSet rules, int year)
    {
        var titles = rules.Items.Select(Names).ToArray();

        // Links on most pages are the site's menu: a menu that numbers the items is not a hub page,
        // or every page would be one.
        var linkCounts = new Dictionary<(string, string), int>();
        foreach (var page in index.Pages)
        {
            foreach (var key in page.Links.Select(l => (l.Href, l.Text)).Distinct())
            {
                linkCounts[key] = linkCounts.GetValueOrDefault(key) + 1;
            }
        }

        var menuThreshold = Math.Max(3, (int)Math.Ceiling(index.Pages.Count * 0.5));
        var hubs = new HashSet<string>(StringComparer.Ordinal);

        // The code and the items a link's text and row name, read once per distinct text and row: related-page lists
        // and sidebars repeat them on many pages without being menus.
        var read = new Dictionary<(string Text, string? Row), (int? Code, List<int> Named)>();
        foreach (var page in index.Pages)
        {
            var codes = new HashSet<int>();
            var named = new HashSet<int>();
            foreach (var link in page.Links.Where(l => linkCounts[(l.Href, l.Text)] < menuThreshold))
            {
                if (!read.TryGetValue((link.Text, link.Row), out var says))
                {
                    var text = ThaiText.Compact(link.Text + link.Row);
                    var names = new List<int>();
                    for (var i = 0; i < titles.Length; i++)
                    {
                        if (titles[i].Any(t => text.Contains(t, StringComparison.Ordinal)))
                        {
                            names.Add(i);
                        }
                    }

                    says = (ItemCodes.Leading(link.Row) ?? ItemCodes.Leading(link.Text), names);
                    read[(link.Text, link.Row)] = says;
                }

                if (says.Code is { } code)
                {
                    codes.Add(code);
                }

                named.UnionWith(says.Named);
            }

            // A hub numbers the items, or names them under an ITA heading.
            if (codes.Count >= 6 || (named.Count >= 8 && NamesIta(ThaiText.Compact($"{page.Title} {string.Join(' ', page.Headings)}"))))
            {
                hubs.Add(page.Url.AbsoluteUri);
            }
        }

        // Menus repeat on every page: keep each distinct link once, preferring its occurrence on a hub.
        var seen = new HashSet<(string, string, string?)>();
        var links = new List<LinkOccurrence>();
        foreach (var page in index.Pages.OrderByDescending(p => hubs.Contains(p.Url.AbsoluteUri)).ThenBy(p => p.Depth))
        {
            var onHub = hubs.Contains(page.Url.AbsoluteUri);
            foreach (var link in page.Links)
            {
                if (!seen.Add((link.Href, link.Text, link.Row)))
                {
                    continue;
                }

                var block = onHub ? BlockOf(link.YearHeading ?? link.Section, year) : Block.Unknown;
                var code = ItemCodes.Leading(link.Row) ?? ItemCodes.Leading(link.Text) ?? (link.Url is { } u ? ItemCodes.Leading(LastSegment(u)) : null);
                links.Add(new LinkOccurrence(
                    link,
                    page,
                    onHub,
                    block,
                    code,
                    ThaiText.Compact(link.Text),
                    ThaiText.Compact(link.Row),
                    link.Url is { } url ? ThaiText.Compact(UrlCanonicalizer.Display(url)) : string.Empty,
                    ThaiText.Compact(link.Section)));
            }
        }

        return new SiteView(index, rules, links, hubs, ChromeLines(index), ChromeLinks(index));
    }

    /// <summary>
    /// Lines of text (menus, footers, sidebars) that stand on so many pages that they say nothing
    /// about any one of them: a menu link "ITA 2568" must not date every page FY 2568.
    /// </summary>
    private static HashSet<string> ChromeLines(EvidenceIndex index)
    {
        var often = OftenHashed(index, (page, add) =>
        {
            foreach (var range in page.Text.AsSpan().Split('\n'))
            {
                // As Lines(): split on new lines, trimmed, empty lines dropped.
                var line = page.Text.AsSpan(range).Trim();
                if (!line.IsEmpty)
                {
                    add(Hash(line, Seed));
                }
            }

            foreach (var heading in page.Headings)
            {
                add(Hash(heading, Seed));
            }
        });

        return OnMostPages(index, page => Lines(page.Text).Concat(page.Headings).Where(l => often.Contains(Hash(l, Seed))));
    }

    /// <summary>Targets linked from so many pages (the menu, the logo, the footer) that a link to them is site chrome.</summary>
    // A menu link is the same target with the same text on most pages: "ดูรายละเอียด" in an item page's body leads to the
    // contact page the menu also links, and is not the menu.
    private static HashSet<string> ChromeLinks(EvidenceIndex index)
    {
        var often = OftenHashed(index, (page, add) =>
        {
            foreach (var link in page.Links)
            {
                if (link.Url is not null)
                {
                    add(LinkHash(link));
                }
            }
        });

        return OnMostPages(index, page => page.Links.Where(l => l.Url is not null && often.Contains(LinkHash(l))).Select(ChromeKey));
    }

    // ChromeKey's hash without building the key.
    private static ulong LinkHash(LinkEvidence link) => Hash(link.Text, Hash("\n", Hash(link.Url!.AbsoluteUri, Seed)));

    // Counting every distinct line (or link) of every page as a string would hold the whole site's text in one dictionary
    // while the view is built: keys are counted by a 64-bit hash first (once per page), and only the keys whose hash stands
    // on enough pages are then counted as strings. The result is the same: a hash's count is at least each of its keys'.
    private static HashSet<ulong> OftenHashed(EvidenceIndex index, Action<PageEvidence, Action<ulong>> hashes)
    {
        var counts = new Dictionary<ulong, int>();
        var onPage = new HashSet<ulong>();
        foreach (var page in index.Pages)
        {
            onPage.Clear();
            hashes(page, h => onPage.Add(h));
            foreach (var h in onPage)
            {
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        }

        var threshold = Math.Max(3, (int)Math.Ceiling(index.Pages.Count * 0.5));
        return counts.Where(c => c.Value >= threshold).Select(c => c.Key).ToHashSet();
    }

    private const ulong Seed = 14695981039346656037UL;

    // FNV-1a, 64 bits, over UTF-16 code units; continues from seed.
    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var h = seed;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    private static string ChromeKey(LinkEvidence link) => $"{link.Url!.AbsoluteUri}\n{link.Text}";

    // What stands on at least half of the pages (and on three at least).
    private static HashSet<string> OnMostPages(EvidenceIndex index, Func<PageEvidence, IEnumerable<string>> keys)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in index.Pages)
        {
            foreach (var key in keys(page).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var threshold = Math.Max(3, (int)Math.Ceiling(index.Pages.Count * 0.5));
        return counts.Where(c => c.Value >= threshold).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="url"/> is a document: fetched as one, or named like one (.pdf, .docx …).</summary>
    public bool IsDocument(Uri url) => Index.Document(url) is not null || ContentKinds.IsDocumentUrl(url);

    /// <summary>Whether a link is site chrome: its target and text stand on most pages (menus, logo, footer).</summary>
    public bool IsChromeLink(LinkEvidence link) => link.Url is not null && _chromeLinks.Contains(ChromeKey(link));

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether a line of text (or heading) is site chrome: menus, footers, sidebars.</summary>
    public bool IsChrome(string line) => _chrome.Contains(line);

    /// <summary>A page's own text: its lines without the site chrome.</summary>
    public string OwnText(PageEvidence page) => Own(page).Text;

    /// <summary>A page's own text, compacted (<see cref="ThaiText.Compact"/>).</summary>
    public string CompactOwnText(PageEvidence page) => Own(page).Compact;

    // Every candidate on a page asks for its own text, for every item: split and compacted once per page.
    private (string Text, string Compact) Own(PageEvidence page)
    {
        if (!_own.TryGetValue(page, out var own))
        {
            var text = string.Join('\n', Lines(page.Text).Where(l => !_chrome.Contains(l)));
            own = (text, ThaiText.Compact(text));
            _own[page] = own;
        }

        return own;
    }

    // By reference: PageEvidence is a record, and comparing two pages by value would compare their text and links.
    private readonly Dictionary<PageEvidence, (string Text, string Compact)> _own = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A document is read when its text layer holds more than a title and a line: at least this many characters. Below
    /// it (a scan with a typed cover line, a title-only file) what the text lacks says nothing about the document.
    /// </summary>
    public const int ReadableDocumentChars = 200;

    // A page is a pointer when its own text is short and it leads to a few pages or documents: an ITAS item page
    // "O2 ข้อมูลผู้บริหาร [ดูรายละเอียด]". The assessor clicks through, at most this many links and two hops.
    private const int PointerTextLimit = 600;
    private const int PointerLinks = 6;

    /// <summary>What lies behind <paramref name="url"/>.</summary>
    public Target Resolve(Uri url, ItemRule? rule = null)
    {
        if (Index.Page(url) is { } page)
        {
            var heading = $"{page.Title} {string.Join(' ', page.Headings.Where(h => !_chrome.Contains(h)).Take(8))}";
            var bundle = new List<PageEvidence> { page };
            var walk = new List<string>();
            // "คลิกที่นี่" in a row naming a law is that law's link: a link is read by its row when its own text says nothing.
            static string Label(LinkEvidence l) => HtmlExtractor.SaysNothing(l.Text) && l.Row is { Length: > 0 } row ? row : l.Text;
            bool Names(string text) => rule is not null && LongestName(rule, ThaiText.Compact(text)) > 0;
            bool Clicks(LinkEvidence l) =>
                HtmlExtractor.SaysNothing(Label(l)) || Names(Label(l))
                || (Index.Page(l.Url!) is { } p && Names($"{p.Title} {(p.Headings.Count > 0 ? p.Headings[0] : string.Empty)}"));
            var text = new System.Text.StringBuilder(OwnText(page));
            var content = ContentLinks(page);
            if (CompactOwnText(page).Length < PointerTextLimit && content.Count is > 0 and <= PointerLinks)
            {
                // The links an assessor clicks for this item: "ดูรายละเอียด", or a text or target naming the item.
                foreach (var link in content.Where(Clicks))
                {
                    if (Index.Page(link.Url!) is { } next && next.Url != page.Url && !IsHub(next.Url) && next.Url != Index.StartUrl && bundle.Count <= PointerLinks)
                    {
                        bundle.Add(next);
                        walk.Add(link.Text);
                        text.Append('\n').Append(OwnText(next));
                    }
                }
            }

            // An item page often lists its documents: the assessor reads them, so their text counts.
            // Framed pages count too (a PDF viewer, a menu in an iframe). Other linked pages do not.
            var unread = new List<Uri>();
            var heldFrom = text.Length;
            var held = 0;
            var heldLabel = string.Empty;
            foreach (var link in bundle.SelectMany(ContentLinks).DistinctBy(l => l.Url))
            {
                if (Index.Document(link.Url!) is { } document)
                {
                    if (document.Text is { } docText && text.Length < MaxTargetText)
                    {
                        text.Append('\n').Append(docText);
                        held++;
                        heldLabel = Label(link);
                    }

                    if ((document.Text?.Length ?? 0) < ReadableDocumentChars && Clicks(link))
                    {
                        unread.Add(link.Url!);
                    }
                }
                else if (link.Kind is LinkKind.Frame or LinkKind.Embed && Index.Page(link.Url!) is { } framedPage && framedPage.Url != page.Url)
                {
                    text.Append('\n').Append(OwnText(framedPage));
                }
                else if ((!IsInternal(link.Url!) || (Index.Page(link.Url!) is null && ContentKinds.IsDocumentUrl(link.Url!))) && Clicks(link))
                {
                    unread.Add(link.Url!); // an external system (Drive, e-GP, Facebook) or a document not read
                }
            }

            // Unread content excuses missing elements only when the pages themselves say little: a pointer or a holder whose
            // substance is the scan or the external system. A page with content of its own was read.
            var ownText = bundle.Sum(p => CompactOwnText(p).Length);
            return new Target(TargetKind.Page, heading, text.ToString(), page.Status, null)
            {
                Page = page,
                Bundle = bundle,
                Unread = ownText < PointerTextLimit ? unread : [],
                Walk = walk,
                HeldFrom = held == 1 && ownText < PointerTextLimit ? heldFrom : -1,
                HeldLabel = held == 1 && ownText < PointerTextLimit ? heldLabel : string.Empty,
            };
        }

        if (Index.Document(url) is { } doc)
        {
            return doc.Text is { Length: > 0 } docText
                ? new Target(TargetKind.Document, string.Empty, docText, doc.Status, null) { Document = doc, Unread = docText.Length < ReadableDocumentChars ? [url] : [] }
                : new Target(TargetKind.OpaqueDocument, string.Empty, string.Empty, doc.Status, doc.Scanned ? "scanned" : doc.NotRead ?? "not read") { Document = doc };
        }

        if (Index.Fetch(url) is { } fetch)
        {
            if (fetch.FinalUrl is { } final && !IsInternal(final))
            {
                return new Target(TargetKind.External, string.Empty, string.Empty, 0, null);
            }

            return fetch.Status switch
            {
                >= 400 => new Target(TargetKind.Broken, string.Empty, string.Empty, fetch.Status, null),
                0 => new Target(TargetKind.Unreachable, string.Empty, string.Empty, 0, fetch.Error),
                _ => new Target(TargetKind.OpaqueDocument, string.Empty, string.Empty, fetch.Status, "not HTML"),
            };
        }

        if (_skips.TryGetValue(url.AbsoluteUri, out var skip))
        {
            return skip.Reason == SkipReason.HostFailing
                ? new Target(TargetKind.Unreachable, string.Empty, string.Empty, 0, skip.Detail)
                : new Target(TargetKind.NotFetched, string.Empty, string.Empty, 0, skip.Detail);
        }

        if (!IsInternal(url))
        {
            return new Target(TargetKind.External, string.Empty, string.Empty, 0, null);
        }

        return ContentKinds.IsMediaUrl(url)
            ? new Target(TargetKind.OpaqueDocument, string.Empty, string.Empty, 0, "image or media file")
            : new Target(TargetKind.NotFetched, string.Empty, string.Empty, 0, "not reached within the crawl limits");
    }

    // The links an assessor may follow from an evidence page: resolved, not site chrome, not back to the hub or home.
    // Computed once per page: every candidate and item that reads the page asks for them. Callers do not change the list.
    public List<LinkEvidence> ContentLinks(PageEvidence page)
    {
        if (!_contentLinks.TryGetValue(page, out var links))
        {
            links = page.Links.Where(l => l.Url is not null && !IsChromeLink(l) && !IsHub(l.Url!) && l.Url != Index.StartUrl && l.Url != page.Url
                && l.Kind != LinkKind.Script).DistinctBy(l => l.Url).ToList();
            _contentLinks[page] = links;
        }

        return links;
    }

    private readonly Dictionary<PageEvidence, List<LinkEvidence>> _contentLinks = new(ReferenceEqualityComparer.Instance);

    /// <summary>The link texts clicked from the home page to reach the evidence (คำอธิบาย for ITAS).</summary>
    public IReadOnlyList<string> ClickPath(Uri? foundOn, string? linkText)
    {
        var steps = new List<string>();
        if (!string.IsNullOrWhiteSpace(linkText))
        {
            steps.Add(linkText);
        }

        var guard = 0;
        for (var page = foundOn is null ? null : Index.Page(foundOn); page?.FoundOn is not null && guard++ < 10; page = Index.Page(page.FoundOn))
        {
            steps.Add(string.IsNullOrWhiteSpace(page.FoundVia) ? UrlCanonicalizer.Display(page.Url) : page.FoundVia);
        }

        steps.Reverse();
        return steps;
    }

    private bool IsInternal(Uri url) => Index.Scope.Contains(url);

    private static Block BlockOf(string? section, int year)
    {
        var years = ThaiYears.Find(section);
        if (years.Count == 0)
        {
            return Block.Unknown;
        }

        return years.Any(y => y.Covers(year) && y.IsSingle) ? Block.Current : Block.Other;
    }

    private static bool NamesIta(string compact) => ItaWords.Any(w => compact.Contains(w, StringComparison.Ordinal));

    private static string LastSegment(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            return Uri.UnescapeDataString(segments[^1]);
        }
        catch (UriFormatException)
        {
            return segments[^1];
        }
    }
}
