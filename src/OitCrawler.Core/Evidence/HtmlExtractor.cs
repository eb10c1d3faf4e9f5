using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Evidence;

/// <summary>
/// Parses one HTML page with AngleSharp and keeps only the evidence: title, headings, visible text,
/// links (with the heading above them and their table row), tables, forms, images. One walk in
/// document order; the DOM is dropped when this returns.
/// </summary>
internal static partial class HtmlExtractor
{
    private const int MaxLinks = 5000;
    private const int MaxRows = 2000;
    private const int MaxRowText = 400;
    private const int MaxLinksPerRow = 3;
    private const int MaxCellText = 300;
    private const int MaxTables = 200;
    private const int MaxTableChars = 200_000;
    private const int MaxNesting = 1000;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    [ThreadStatic]
    private static HtmlParser? t_parser;

    public static PageEvidence Extract(Uri url, string html, int maxTextChars) => Extract(url, html, maxTextChars, new UrlInterner());

    /// <summary>As above, with the links' URLs shared through the crawl's <paramref name="urls"/>.</summary>
    internal static PageEvidence Extract(Uri url, string html, int maxTextChars, UrlInterner urls)
    {
        t_parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });

        // The parse is synchronous and cannot be cancelled, so its input is bounded first: by the body
        // cap, and by LimitNesting (AngleSharp's time grows with the square of the nesting depth).
        using var document = t_parser.ParseDocument(LimitNesting(html, MaxNesting));
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUrl = baseHref is not null && Uri.TryCreate(url, baseHref, out var b) ? b : url;

        var walker = new Walker(baseUrl, maxTextChars, urls, PanelLabels(document));
        if (document.Head is { } head)
        {
            foreach (var meta in head.QuerySelectorAll("meta[http-equiv]"))
            {
                walker.VisitMetaRefresh(meta);
            }
        }

        if (document.Body is { } body)
        {
            walker.Walk(body);
        }

        return new PageEvidence
        {
            Url = url,
            Title = ThaiText.Fold(document.Title),
            Headings = walker.Headings,
            Text = walker.Text.ToString(),
            Links = walker.Links,
            Tables = walker.Tables,
            Forms = walker.Forms,
            Images = walker.Images,
        };
    }

    /// <summary>
    /// Panels labelled by a control elsewhere on the page: a tab or button that names the panel's id
    /// (<c>href="#y2569"</c>, <c>aria-controls</c>, <c>data-target</c>), or a panel naming its label (<c>aria-labelledby</c>).
    /// The label's text is the panel's heading ("ปี 2569") wherever the panel stands.
    /// </summary>
    private static Dictionary<string, string> PanelLabels(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var control in document.QuerySelectorAll("[aria-controls], a[href^='#'], [data-target^='#'], [data-bs-target^='#']").Take(500))
        {
            var id = control.GetAttribute("aria-controls") ?? control.GetAttribute("data-bs-target") ?? control.GetAttribute("data-target") ?? control.GetAttribute("href");
            var text = ThaiText.Fold(control.TextContent);
            if (id is { Length: > 1 } && text.Length is > 0 and <= 120)
            {
                labels.TryAdd(id.TrimStart('#'), text);
            }
        }

        foreach (var panel in document.QuerySelectorAll("[aria-labelledby]").Take(500))
        {
            if (panel.Id is { Length: > 0 } id && document.GetElementById(panel.GetAttribute("aria-labelledby")!) is { } label)
            {
                labels[id] = ThaiText.Fold(label.TextContent);
            }
        }

        return labels;
    }

    /// <summary>
    /// The page cut where elements nest deeper than <paramref name="maxDepth"/>: 100,000 nested divs
    /// take AngleSharp minutes, and no real page nests a thousand deep.
    /// </summary>
    internal static string LimitNesting(string html, int maxDepth)
    {
        var depth = 0;
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<')
            {
                continue;
            }

            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                continue;
            }

            var close = html.IndexOf('>', nameEnd);
            var selfClosing = close > 0 && html[close - 1] == '/';
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!selfClosing && !VoidElements.Contains(html[nameStart..nameEnd]) && ++depth > maxDepth)
            {
                return html[..i];
            }
        }

        return html;
    }


    [GeneratedRegex(@"(accordion|panel|card|tab|toggle|collapse|elementor-tab)[-_]?(title|header|heading|button|toggle)", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingClass();

    [GeneratedRegex(@"url\s*=\s*['""]?(?<u>[^'"";]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RefreshUrl();

    // A URL in a script or JSON: quoted, absolute or root-relative, slashes possibly escaped ("\/ita\/2569\/").
    [GeneratedRegex(@"[""'](?<u>(?:https?:)?(?:\\?/)[^""'\s<>]{1,300})[""']", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    // The label written beside a URL in a script: a "title"/"text"/"name" key after or before it, the text of an
    // <a …>…</a> the script writes, or a plain string next to it in an array (["O1 โครงสร้าง", "/ita/o1/"]).
    [GeneratedRegex(@"^(?:\s*,?\s*[""']?(?:title|text|name|label|caption)[""']?\s*:\s*[""'](?<t>[^""']{1,200})[""']|[^""'<>]{0,40}?>(?<t>[^<]{1,200})<)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLabelAfter();

    [GeneratedRegex(@"(?:(?:title|text|name|label|caption)[""']?\s*:\s*[""'](?<t>[^""']{1,200})[""']\s*,\s*[""']?(?:url|href|link|path)[""']?\s*:\s*|[\[,]\s*[""'](?<t>[^""'/\\]{1,200})[""']\s*,\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLabelBefore();

    [GeneratedRegex(@"^\s*,\s*[""'](?<t>[^""'/\\]{1,200})[""']\s*[\],]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLabelNext();

    // A URL written as text: http(s), up to a space or a character that cannot end one.
    [GeneratedRegex(@"https?://[^\s<>""'\u0E00-\u0E7F]*[^\s<>""'.,;:)\]\u0E00-\u0E7F]|https?://[^\s<>""']{4,300}(?<![.,;:)\]])", RegexOptions.IgnoreCase)]
    private static partial Regex TextUrl();

    /// <summary>Whether a link's text names nothing of its target: the words of a download button or a "read more", in Thai and English.</summary>
    internal static bool SaysNothing(string linkText)
    {
        var text = linkText.Trim().TrimEnd('.', '…', '>', '»', ' ').ToLowerInvariant();
        return text.Length == 0 || GenericLinkTexts.Contains(text);
    }

    private static readonly HashSet<string> GenericLinkTexts = new(StringComparer.Ordinal)
    {
        "ดาวน์โหลด", "ดาวโหลด", "download", "คลิก", "คลิกที่นี่", "คลิกดู", "click", "click here", "here",
        "รายละเอียด", "ดูรายละเอียด", "อ่านต่อ", "อ่านเพิ่มเติม", "เพิ่มเติม", "ดูเพิ่มเติม", "read more", "more", "details",
        "ดู", "เปิด", "เปิดเอกสาร", "ดูเอกสาร", "view", "open", "pdf", "ไฟล์", "เอกสาร", "ไฟล์แนบ", "เอกสารแนบ", "ลิงก์", "link",
    };

    private sealed class Walker(Uri baseUrl, int maxTextChars, UrlInterner urls, Dictionary<string, string> panelLabels)
    {
        private const int MaxScriptChars = 200_000;
        private const int MaxScriptLinks = 500;
        private const int MaxHeadText = 200;
        private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
        {
            "STRONG", "B", "EM", "I", "U", "SPAN", "FONT", "SMALL", "BIG", "MARK", "SUP", "SUB", "LABEL", "ABBR", "CODE",
        };

        // The item heading owning the links that follow it, and the year heading owning the codes inside it;
        // each ends with the element it belongs to (Scope), uncovering the one before.
        private readonly Stack<(string? Text, IElement? Scope)> _owners = new([(null, null)]);
        private readonly Stack<(string? Text, IElement? Scope)> _years = new([(null, null)]);
        private int _scriptLinks;
        private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "HEAD" };
        private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        {
            "P", "DIV", "LI", "TR", "TD", "TH", "H1", "H2", "H3", "H4", "H5", "H6", "BR", "SECTION", "ARTICLE", "TABLE", "UL", "OL", "DT", "DD", "SUMMARY", "HEADER", "FOOTER", "NAV", "BLOCKQUOTE",
        };

        private readonly Dictionary<IElement, string?> _rows = [];

        private readonly Dictionary<IElement, string?> _cards = [];
        private string? _section;
        private bool _pendingSpace;
        private int _tableChars;

        public List<string> Headings { get; } = [];

        public StringBuilder Text { get; } = new();

        public List<LinkEvidence> Links { get; } = [];

        public List<TableEvidence> Tables { get; } = [];

        public List<FormEvidence> Forms { get; } = [];

        public List<ImageEvidence> Images { get; } = [];

        public void VisitMetaRefresh(IElement meta)
        {
            if (!string.Equals(meta.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var match = RefreshUrl().Match(meta.GetAttribute("content") ?? string.Empty);
            if (match.Success)
            {
                AddLink(match.Groups["u"].Value.Trim(), string.Empty, LinkKind.MetaRefresh, null);
            }
        }

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText textNode)
                {
                    AppendText(textNode.Data);
                    if (node is IElement parent && textNode.Data.Contains("http", StringComparison.OrdinalIgnoreCase) && parent.Closest("a") is null)
                    {
                        VisitTextUrls(textNode.Data, parent);
                    }

                    continue;
                }

                if (child is not IElement element)
                {
                    continue;
                }

                if (element.TagName == "SCRIPT")
                {
                    VisitScript(element);
                    continue;
                }

                if (Skipped.Contains(element.TagName))
                {
                    continue;
                }

                Visit(element);
            }
        }

        private void Visit(IElement element)
        {
            var tag = element.TagName;
            var isBlock = Blocks.Contains(tag);
            if (isBlock)
            {
                AppendBreak();
            }

            if (element.Id is { Length: > 0 } id && panelLabels.TryGetValue(id, out var panelLabel))
            {
                // A tab panel: its tab's label heads it, wherever the tab stands.
                _section = panelLabel;
                OwnYear(panelLabel, element);
            }

            if (IsHeading(element))
            {
                var heading = ThaiText.Fold(element.TextContent);
                if (heading.Length > 0)
                {
                    _section = heading.Length > 300 ? heading[..300] : heading;
                    if (Headings.Count < 500)
                    {
                        Headings.Add(urls.Text(_section));
                    }

                    if (ItemCodes.Leading(_section) is null)
                    {
                        OwnYear(_section, element.ParentElement);
                        if (_owners.Peek().Scope is { } scope && element.ParentElement == scope)
                        {
                            _owners.Pop(); // a heading that names no item ends the item heading before it
                        }
                    }
                }
            }

            if (HeadText(element) is { } head)
            {
                // An item heading: its own text starts with a code and holds no link. It owns the links
                // after it among its siblings (a paragraph, a heading), or inside it (a list item holding a list).
                var scope = element.Children.Any(c => Blocks.Contains(c.TagName)) ? element : element.ParentElement;
                if (_owners.Peek().Scope == scope)
                {
                    _owners.Pop();
                }

                _owners.Push((head, scope));
            }

            VisitClickHandler(element);
            switch (tag)
            {
                case "A":
                case "AREA":
                    if (element.GetAttribute("href") is { } href)
                    {
                        var text = LinkText(element);
                        AddLink(href, text, tag == "A" ? LinkKind.Anchor : LinkKind.Area, RowOf(element) ?? (SaysNothing(text) ? CardOf(element) : null));
                    }

                    break;
                case "IFRAME":
                case "FRAME":
                    if (element.GetAttribute("src") is { } src)
                    {
                        AddLink(src, ThaiText.Fold(element.GetAttribute("title")), LinkKind.Frame, RowOf(element));
                    }

                    break;
                case "EMBED":
                case "OBJECT":
                    if ((element.GetAttribute("src") ?? element.GetAttribute("data")) is { } data)
                    {
                        AddLink(data, ThaiText.Fold(element.GetAttribute("title")), LinkKind.Embed, RowOf(element));
                    }

                    break;
                case "IMG":
                    if (Images.Count < 500 && element.GetAttribute("src") is { } imgSrc)
                    {
                        Images.Add(new ImageEvidence(urls.Text(imgSrc), urls.Text(NullIfEmpty(ThaiText.Fold(element.GetAttribute("alt"))))));
                    }

                    break;
                case "FORM":
                    Forms.Add(ReadForm(element));
                    break;
                case "TABLE" when Tables.Count < MaxTables:
                    Tables.Add(ReadTable(element));
                    break;
                default:
                    break;
            }

            Walk(element);
            if (isBlock)
            {
                AppendBreak();
            }

            while (_owners.Count > 1 && _owners.Peek().Scope == element)
            {
                _owners.Pop();
            }

            while (_years.Count > 1 && _years.Peek().Scope == element)
            {
                _years.Pop();
            }
        }

        // A heading, tab label or panel label that states a year and names no item owns what follows it in its scope.
        private void OwnYear(string text, IElement? scope)
        {
            if (scope is null || ThaiYears.Find(text).Count == 0 || ItemCodes.Leading(text) is not null)
            {
                return;
            }

            if (_years.Peek().Scope == scope)
            {
                _years.Pop();
            }

            _years.Push((text.Length > 120 ? text[..120] : text, scope));
        }

        // The element's own text (its text and inline children, not nested blocks) when it starts with an item
        // code and holds no link: "<p><strong>O4 ข่าวประชาสัมพันธ์</strong></p>", "<h4>O5 …</h4>", "<li>O6 …<ul>…".
        private static string? HeadText(IElement element)
        {
            if (element.TagName is not ("P" or "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "DT" or "SUMMARY" or "LI" or "DIV" or "TD" or "TH" or "LABEL" or "BUTTON"))
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (var child in element.ChildNodes)
            {
                if (child is IText t)
                {
                    text.Append(t.Data);
                }
                else if (child is IElement e && Inline.Contains(e.TagName))
                {
                    if (e.QuerySelector("a[href]") is not null)
                    {
                        return null;
                    }

                    text.Append(e.TextContent);
                }
                else if (child is IElement { TagName: "A" })
                {
                    return null;
                }

                if (text.Length > MaxHeadText)
                {
                    return null;
                }
            }

            var folded = ThaiText.Fold(text.ToString());
            return folded.Length > 0 && ItemCodes.Leading(folded) is not null ? folded : null;
        }

        // Links a browser would show once the page's scripts ran: URLs in an inline script or JSON block,
        // with the label written beside them ("title": "…", or the text of an <a> the script writes).
        private void VisitScript(IElement script)
        {
            if (script.HasAttribute("src") || _scriptLinks >= MaxScriptLinks)
            {
                return;
            }

            var type = script.GetAttribute("type");
            if (type is { Length: > 0 } && !type.Contains("javascript", StringComparison.OrdinalIgnoreCase) && !type.Contains("json", StringComparison.OrdinalIgnoreCase) && type != "module")
            {
                return;
            }

            var code = script.TextContent;
            if (code.Length > MaxScriptChars)
            {
                code = code[..MaxScriptChars];
            }

            foreach (Match m in ScriptUrl().Matches(code))
            {
                if (_scriptLinks >= MaxScriptLinks)
                {
                    break;
                }

                var href = m.Groups["u"].Value.Replace("\\/", "/", StringComparison.Ordinal);
                if (href.Length < 2 || IsAsset(href))
                {
                    continue;
                }

                var after = code.AsSpan(m.Index + m.Length, Math.Min(260, code.Length - m.Index - m.Length)).ToString();
                var before = code.AsSpan(Math.Max(0, m.Index - 260), Math.Min(260, m.Index)).ToString();
                var label = ScriptLabelAfter().Match(after) is { Success: true } a ? a.Groups["t"].Value
                    : ScriptLabelBefore().Match(before) is { Success: true } b ? b.Groups["t"].Value
                    : ScriptLabelNext().Match(after) is { Success: true } n ? n.Groups["t"].Value
                    : string.Empty;
                _scriptLinks++;
                AddLink(href, ThaiText.Fold(label.Replace("\\/", "/", StringComparison.Ordinal)), LinkKind.Script, null);
            }
        }

        // A button or a "javascript:void(0)" link that opens a document from its click handler
        // (onclick="window.open('/uploads/report.pdf')", "openDoc('…')"): a visitor who clicks reaches that URL.
        private void VisitClickHandler(IElement element)
        {
            if (element.GetAttribute("onclick") is not { Length: > 0 } onclick
                || (element.GetAttribute("href") is { } href && !href.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) && !href.TrimStart().StartsWith('#')))
            {
                return;
            }

            foreach (var m in ScriptUrl().Matches(onclick.Length > 2_000 ? onclick[..2_000] : onclick).Take(3))
            {
                var url = m.Groups["u"].Value.Replace("\\/", "/", StringComparison.Ordinal);
                if (url.Length >= 2 && !IsAsset(url))
                {
                    var text = LinkText(element);
                    AddLink(url, text, LinkKind.Anchor, RowOf(element) ?? (SaysNothing(text) ? CardOf(element) : null));
                }
            }
        }

        // Scripts name their own assets too (scripts, styles, images, fonts, data, source maps): not pages a visitor is led to.
        private bool IsAsset(string href) =>
            Resolve(href) is not { } url || ContentKinds.IsMediaUrl(url) || Path.GetExtension(url.AbsolutePath).ToLowerInvariant() is ".json" or ".map";

        // URLs written as text outside any link: an ITAS-style table's URL column.
        private void VisitTextUrls(string data, IElement parent)
        {
            foreach (Match m in TextUrl().Matches(data))
            {
                AddLink(m.Value, m.Value, LinkKind.Text, RowOf(parent) ?? CardOf(parent));
            }
        }

        private static bool IsHeading(IElement element) =>
            element.TagName is "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "SUMMARY" or "LEGEND" or "CAPTION" or "DT"
            || (element.TagName == "LABEL" && element.GetAttribute("for") is { Length: > 0 } && element.Owner?.GetElementById(element.GetAttribute("for")!) is { } input
                && (input.GetAttribute("type") ?? string.Empty).ToLowerInvariant() is "radio" or "checkbox")
            || string.Equals(element.GetAttribute("role"), "tab", StringComparison.OrdinalIgnoreCase)
            || string.Equals(element.GetAttribute("role"), "heading", StringComparison.OrdinalIgnoreCase)
            || (element.ClassName is { } cls && HeadingClass().IsMatch(cls));

        private void AddLink(string href, string text, LinkKind kind, string? row)
        {
            if (Links.Count >= MaxLinks)
            {
                return;
            }

            var trimmed = href.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var resolved = Resolve(trimmed);
            if (_owners.Peek().Text is { } owner && (row is null || ItemCodes.Leading(row) is null))
            {
                row = row is null || row == text ? owner : $"{owner} | {row}";
            }

            Links.Add(urls.Value(new LinkEvidence(resolved?.AbsoluteUri ?? urls.Text(trimmed), resolved, urls.Text(text), kind, urls.Text(_section), urls.Text(row)) { YearHeading = urls.Text(_years.Peek().Text) }));
        }

        private Uri? Resolve(string href) => urls.Intern(UrlCanonicalizer.Resolve(baseUrl, href));

        private static string LinkText(IElement element)
        {
            var text = ThaiText.Fold(element.TextContent);
            if (text.Length == 0)
            {
                text = ThaiText.Fold(element.QuerySelector("img[alt]")?.GetAttribute("alt"));
            }

            if (text.Length == 0)
            {
                text = ThaiText.Fold(element.GetAttribute("title") ?? element.GetAttribute("aria-label") ?? element.GetAttribute("alt"));
            }

            return text;
        }

        private string? RowOf(IElement element)
        {
            var row = element.Closest("tr") ?? element.Closest("li");
            if (row is null)
            {
                return null;
            }

            // Computed once per row: a row of many links would otherwise be re-read for each of them.
            if (!_rows.TryGetValue(row, out var text))
            {
                // A row describes its link only when it is the link's own row (a hub table row, a list
                // item); a layout cell holding a whole menu says nothing about any one of its links.
                text = row.QuerySelectorAll("a[href]").Length > MaxLinksPerRow
                    ? null
                    : Capped(row is IHtmlTableRowElement tr ? string.Join(" | ", tr.Cells.Select(CellText)) : ThaiText.Fold(row.TextContent), MaxRowText);
                _rows[row] = text;
            }

            return text;
        }

        // A link whose text says nothing of its target ("ดาวน์โหลด", an image tile without alt) outside a
        // table row or list item is described by the small block around it: an image tile's caption, a
        // card, the paragraph "แผนดำเนินงาน ปี 2568 [ดาวน์โหลด]". Up to three levels up, and only while the
        // block is the link's own (at most MaxLinksPerRow links): a menu or a page body says nothing.
        private string? CardOf(IElement element)
        {
            if (element.Closest("tr, li, td, th") is not null)
            {
                return null; // a row or list item is RowOf's; one of many links there is not described by a block
            }

            var own = ThaiText.Fold(element.TextContent).Length;
            var block = element.ParentElement;
            for (var level = 0; level < 3 && block is not null && block.LocalName is not ("body" or "html" or "main" or "nav" or "header" or "footer" or "article" or "section"); level++, block = block.ParentElement)
            {
                if (!_cards.TryGetValue(block, out var text))
                {
                    // A block that is not small (an article body, a content wrapper) describes none of its links.
                    var folded = block.QuerySelectorAll("a[href]").Length > MaxLinksPerRow ? null : ThaiText.Fold(block.TextContent);
                    text = folded is { Length: <= MaxRowText } ? folded : null;
                    _cards[block] = text;
                }

                if (text is null)
                {
                    return null;
                }

                if (text.Length > own)
                {
                    return text;
                }
            }

            return null;
        }

        private static string CellText(IElement cell) => Capped(ThaiText.Fold(cell.TextContent), MaxCellText);

        private static string Capped(string text, int max) => text.Length > max ? text[..max] : text;

        private TableEvidence ReadTable(IElement table)
        {
            var rows = new List<TableRowEvidence>();
            if (table is IHtmlTableElement t)
            {
                foreach (var tr in t.Rows.Take(MaxRows))
                {
                    // Cells are capped, and so is the text of all tables of a page: nested tables would
                    // otherwise repeat their text at every level (a 4 MB page kept a gigabyte).
                    if (_tableChars > MaxTableChars)
                    {
                        break;
                    }

                    var cells = tr.Cells.Select(c => urls.Text(CellText(c))).ToList();
                    _tableChars += cells.Sum(c => c.Length);
                    var links = tr.QuerySelectorAll("a[href]")
                        .Select(a => (Href: a.GetAttribute("href")!, Text: LinkText(a)))
                        .Select(a => (a.Href, a.Text, Url: Resolve(a.Href)))
                        .Select(a => urls.Value(new LinkEvidence(a.Url?.AbsoluteUri ?? urls.Text(a.Href), a.Url, urls.Text(a.Text), LinkKind.Anchor, urls.Text(_section), null)))
                        .ToList();
                    rows.Add(new TableRowEvidence(cells, links));
                }
            }

            return new TableEvidence(NullIfEmpty(ThaiText.Fold((table as IHtmlTableElement)?.Caption?.TextContent)), _section, rows);
        }

        private FormEvidence ReadForm(IElement form)
        {
            var fields = form.QuerySelectorAll("input,textarea,select")
                .Where(f => !string.Equals(f.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase))
                .Select(f => f.GetAttribute("name") ?? f.GetAttribute("id") ?? f.TagName.ToLowerInvariant())
                .ToList();
            var action = form.GetAttribute("action");
            var resolved = action is null ? null : Resolve(action);
            return new FormEvidence(
                resolved?.AbsoluteUri ?? action,
                (form.GetAttribute("method") ?? "get").ToLowerInvariant(),
                fields,
                form.QuerySelector("textarea") is not null);
        }

        // Inline text nodes join without a space unless the source had one: "256</span>7" reads 2567.
        private void AppendText(string data)
        {
            if (Text.Length >= maxTextChars)
            {
                return;
            }

            var folded = ThaiText.Fold(data);
            if (folded.Length == 0)
            {
                _pendingSpace |= data.Length > 0;
                return;
            }

            if (Text.Length > 0 && Text[^1] != '\n' && Text[^1] != ' ' && (_pendingSpace || IsSpace(data[0])))
            {
                Text.Append(' ');
            }

            var room = maxTextChars - Text.Length;
            Text.Append(folded.Length > room ? folded[..room] : folded);
            _pendingSpace = IsSpace(data[^1]);
        }

        private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0';

        private void AppendBreak()
        {
            _pendingSpace = false;
            if (Text.Length > 0 && Text[^1] != '\n' && Text.Length < maxTextChars)
            {
                Text.Append('\n');
            }
        }

        private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
